import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../shared/api/contract';
import type { NoteContent } from '../../shared/api/note-schemas';
import type { AuditPage } from '../../shared/api/security-schemas';
import { startCore, type Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { saveAiDraft } from '../../electron/core/store/repositories/notes';
import { createSession, setSessionStatus } from '../../electron/core/store/repositories/sessions';
import { runCairn } from '../helpers/cli';
import { envelopeError } from '../helpers/errors';
import { makeTempDir } from '../helpers/fixtures';
import { seedTranscript, SHORT_SESSION, STORED_DRAFT_GENERATION } from '../helpers/notes';

const SOAP: NoteContent = {
  templateId: 'soap',
  templateVersion: 1,
  sections: [{ key: 'plan', title: 'Plan', items: [] }],
};
const CLIENT_NAME = 'Marguerite Okonkwo-Lindqvist';

/**
 * The audit log through the API and the CLI: views logged once per open, edits, approval and the
 * export itself recorded with ids only; filters and paging; CSV and JSON Lines that hold no name
 * and no word of the transcript.
 */
describe('the audit log', () => {
  const temp = makeTempDir();
  const dataDir = path.join(temp.dir, 'data');
  let core: Core;
  let sessionId: string;
  let noteId: string;

  beforeAll(async () => {
    core = await startCore({ dataDir, actor: 'app:dr-lee', transport: 'in-process' });
    const client = await call(core, 'clients.create', { name: CLIENT_NAME });
    const db = core.database.db;
    sessionId = createSession(db, { clientId: client.id, date: '2026-02-03', kind: 'individual' });
    setSessionStatus(db, sessionId, 'awaiting_review');
    const segmentIds = seedTranscript(db, sessionId, SHORT_SESSION);
    noteId = saveAiDraft(db, {
      sessionId,
      templateId: 'soap',
      content: SOAP,
      text: 'Client reports insomnia.',
      generation: STORED_DRAFT_GENERATION,
      author: 'cairn',
    });
    // What a clinician does on the session page: open it (pages reload it as events arrive),
    // read the transcript and the note, correct a line, edit the note, approve.
    for (let i = 0; i < 3; i += 1) {
      await call(core, 'sessions.get', { id: sessionId });
      await call(core, 'sessions.transcript', { id: sessionId });
      await call(core, 'notes.list', { sessionId });
    }
    await call(core, 'transcript.correct', {
      segmentId: segmentIds[1] as string,
      text: 'Badly. I lie awake worrying about the bakery most nights.',
    });
    await call(core, 'notes.saveClinicianVersion', {
      id: noteId,
      content: {
        ...SOAP,
        sections: [
          {
            key: 'plan',
            title: 'Plan',
            items: [
              {
                text: 'Wind-down routine.',
                segmentIds: [],
                quote: '',
                fields: {},
                supported: true,
                problems: [],
                origin: 'clinician',
              },
            ],
          },
        ],
      },
    });
    await call(core, 'sessions.approve', { id: sessionId });
  });
  afterAll(async () => {
    await core.shutdown();
    temp.remove();
  });

  const list = (input: MethodInput<'audit.list'> = {}): Promise<AuditPage> =>
    call(core, 'audit.list', input);

  it('records views once per open, edits, approval, with ids', async () => {
    const { entries } = await list({ entityId: sessionId, limit: 500 });
    const actions = entries.map((e) => e.action).reverse();
    expect(actions).toEqual([
      'session.viewed',
      'transcript.viewed',
      'transcript.corrected',
      'session.approved',
    ]);
    const notes = (await list({ entityId: noteId })).entries.map((e) => e.action).reverse();
    expect(notes).toEqual(['note.viewed', 'note.edited', 'note.approved']);
    expect(entries.every((e) => e.actor === 'app:dr-lee')).toBe(true);
  });

  it('filters by entity, action family and date, and pages newest first', async () => {
    const all = await list({ limit: 500 });
    expect(all.total).toBe(all.entries.length);
    expect(all.entries.map((e) => e.id)).toEqual(
      [...all.entries.map((e) => e.id)].sort((a, b) => b - a),
    );
    const notes = await list({ action: 'note.' });
    expect(new Set(notes.entries.map((e) => e.action))).toEqual(
      new Set(['note.viewed', 'note.edited', 'note.approved']),
    );
    expect((await list({ entityType: 'client' })).entries.map((e) => e.action)).toEqual([
      'client.created',
    ]);
    const first = await list({ limit: 2 });
    const second = await list({ limit: 2, offset: 2 });
    expect(first.entries.map((e) => e.id)).toEqual(all.entries.slice(0, 2).map((e) => e.id));
    expect(second.entries.map((e) => e.id)).toEqual(all.entries.slice(2, 4).map((e) => e.id));
    const future = Date.now() + 3_600_000;
    expect((await list({ from: future })).total).toBe(0);
    expect((await list({ to: future })).total).toBe(all.total);
  });

  it('exports CSV and JSON Lines with ids only, and audits the export', async () => {
    const csvFile = path.join(temp.dir, 'audit.csv');
    const csv = await call(core, 'audit.export', { format: 'csv', path: csvFile });
    const text = readFileSync(csvFile, 'utf8');
    const rows = parse<Record<string, string>>(text, { columns: true });
    expect(rows).toHaveLength(csv.rows);
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'id',
      'at',
      'actor',
      'action',
      'entity_type',
      'entity_id',
      'detail',
    ]);
    expect(rows.some((r) => r.action === 'session.viewed' && r.entity_id === sessionId)).toBe(true);

    const jsonl = await call(core, 'audit.export', { format: 'jsonl' });
    expect(jsonl.path).toBeNull();
    const lines = (jsonl.text ?? '')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { action: string });
    expect(lines.at(-1)?.action).toBe('audit.exported');

    // Nothing that identifies the client or says what was said.
    const transcriptWords = SHORT_SESSION.flatMap(([, line]) => line.split(/\W+/)).filter(
      (w) => w.length >= 6,
    );
    for (const exported of [text, jsonl.text ?? '']) {
      for (const part of CLIENT_NAME.split(/[\s-]+/)) expect(exported).not.toContain(part);
      for (const word of [...transcriptWords, 'bakery', 'insomnia'])
        expect(exported.toLowerCase()).not.toContain(word.toLowerCase());
    }
    const exports = (await list({ action: 'audit.exported' })).entries;
    expect(exports.map((e) => e.detail)).toEqual([
      { rows: lines.length, format: 'jsonl', toFile: false },
      { rows: csv.rows, format: 'csv', toFile: true },
    ]);
  });

  it('refuses an export to a relative path or a file not named for its format', async () => {
    expect(
      envelopeError(await core.invoke('audit.export', { format: 'csv', path: 'audit.csv' })).code,
    ).toBe('export_path_relative');
    expect(
      envelopeError(
        await core.invoke('audit.export', { format: 'csv', path: path.join(temp.dir, '.bashrc') }),
      ).code,
    ).toBe('export_path_extension');
  });

  it('lists and exports from the CLI with the documented exit codes', async () => {
    await core.shutdown();
    const listed = await runCairn(['audit', 'list', '--json', '--limit', '3'], { dataDir });
    expect(listed.code).toBe(0);
    const page = JSON.parse(listed.stdout) as AuditPage;
    expect(page.entries).toHaveLength(3);
    const table = await runCairn(['audit', '--entity', 'client'], { dataDir });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/client\.created/);
    expect(table.stdout).not.toContain('Okonkwo');

    const out = path.join(temp.dir, 'cli-audit.jsonl');
    const exported = await runCairn(['audit', 'export', '--out', out], { dataDir });
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/Wrote \d+ audit entries .*\(jsonl\)/);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThan(page.total - 1);

    expect((await runCairn(['audit', 'list', '--limit', '0'], { dataDir })).code).toBe(2);
    expect((await runCairn(['audit', 'export'], { dataDir })).code).toBe(2);
    const badName = await runCairn(
      ['audit', 'export', '--out', path.join(temp.dir, 'x.txt'), '--format', 'csv'],
      { dataDir },
    );
    expect(badName.code).toBe(2);
    expect(badName.stderr).toMatch(/\.csv file/);
  }, 120_000);
});
