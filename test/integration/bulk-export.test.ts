import { and, eq } from 'drizzle-orm';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { sealExport } from '../../electron/core/export/bulk/seal-export';
import { listAudit } from '../../electron/core/store/repositories/audit';
import { addAddendum } from '../../electron/core/store/repositories/note-addenda';
import { notesOfSession } from '../../electron/core/store/repositories/notes';
import { readTranscript } from '../../electron/core/store/repositories/transcript';
import { speakers } from '../../electron/core/store/schema';
import {
  BulkExportManifest,
  type BulkExportRequestInput,
} from '../../shared/api/bulk-export-schemas';
import { STEADY_WORRIER } from '../fixtures/clients/plan-clients';
import { WORRIED_SLEEPER } from '../fixtures/clients/scripted-clients';
import { seedClientHistory } from '../helpers/client-history';
import { rejection } from '../helpers/errors';
import { makeTempDir } from '../helpers/fixtures';
import { seedTranscript } from '../helpers/notes';
import { takeEgressViolations } from '../setup/no-egress';

const temp = makeTempDir();
const dataDir = path.join(temp.dir, 'data');
const exportsDir = path.join(temp.dir, 'exports');
afterAll(() => temp.remove());

interface Seeded {
  clientId: string;
  sessions: Map<string, string>;
}

/** Every file under a folder, relative with forward slashes. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .map((relative) => relative.split(path.sep).join('/'))
    .sort();
}

const everyByte = (folder: string) =>
  filesUnder(folder)
    .map((file) => readFileSync(path.join(folder, file), 'utf8'))
    .join('\n');

const csv = (folder: string, table: string) =>
  parse<Record<string, string>>(readFileSync(path.join(folder, `${table}.csv`)), {
    columns: true,
  });

/**
 * Bulk export on the real core, run machinery and encrypted database: a small library of two
 * clients (sessions with signed notes, transcripts that name the client, an addendum, a plan with
 * goals) exported and read back byte for byte.
 */
describe('bulk export of records', () => {
  let core: Core;
  let worrier: Seeded;
  let sleeper: Seeded;
  let sessionIds: string[] = [];
  let noteIds: string[] = [];

  const exportAndWait = async (request: BulkExportRequestInput) => {
    const { runId } = await call(core, 'library.export', request);
    const run = await core.pipeline.settled(runId);
    expect(run.status, run.errorMessage ?? '').toBe('completed');
    return call(core, 'library.exportResult', { runId });
  };

  beforeAll(async () => {
    core = await startCore({ dataDir, actor: 'Dr Ada Byron', transport: 'in-process' });
    const { db } = core.database;
    worrier = seedClientHistory(db, STEADY_WORRIER);
    sleeper = seedClientHistory(db, WORRIED_SLEEPER);
    sessionIds = [...worrier.sessions.values(), ...sleeper.sessions.values()];
    // Transcripts that say the client's name, in any case, and a speaker named after them.
    for (const [client, seeded] of [
      [STEADY_WORRIER, worrier],
      [WORRIED_SLEEPER, sleeper],
    ] as const)
      for (const sessionId of seeded.sessions.values()) {
        const [first, last] = client.name.split(' ');
        seedTranscript(db, sessionId, [
          ['clinician', `Good to see you, ${first ?? ''}. How was the week?`],
          [
            'client',
            `Honestly, my mother still calls me ${(first ?? '').toLowerCase()} ${last ?? ''} when she is cross.`,
          ],
          ['clinician', 'Let us look at the thought record together.'],
        ]);
        db.update(speakers)
          .set({ displayName: client.name })
          .where(and(eq(speakers.sessionId, sessionId), eq(speakers.role, 'client')))
          .run();
      }
    const firstSession = worrier.sessions.get('2026-11-02') ?? '';
    const note = notesOfSession(db, firstSession)[0];
    if (!note) throw new Error('seeded session without a note');
    addAddendum(db, {
      noteId: note.id,
      text: 'Ingrid Halvorsen phoned to say she will bring her rating scale.',
      author: 'Dr Ada Byron',
    });
    noteIds = sessionIds.flatMap((id) => notesOfSession(db, id).map((n) => n.id));
    // A plan with goals: the rules' proposals after the first session, accepted.
    const queued = await call(core, 'plans.propose', { sessionId: firstSession, waiting: true });
    expect((await core.pipeline.settled(queued.runId)).status).toBe('completed');
    const proposals = (await call(core, 'plans.get', { clientId: worrier.clientId })).pending;
    await call(core, 'plans.decide', {
      clientId: worrier.clientId,
      decisions: proposals.map((p) => ({ proposalId: p.id, decision: 'accept' as const })),
    });
    mkdirSync(exportsDir);
    takeEgressViolations();
  });

  afterAll(async () => {
    await core.shutdown();
  });

  it('round-trips the library as JSON and CSV, every file hashed, pseudonymised by default', async () => {
    const folder = path.join(exportsDir, 'library');
    const result = await exportAndWait({
      scope: { kind: 'library' },
      target: folder,
      formats: ['json', 'csv'],
    });
    expect(result.folder).toBe(folder);
    const manifest = BulkExportManifest.parse(
      JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8')),
    );
    expect(result.manifest).toEqual(manifest);
    expect(manifest.mode).toBe('pseudonymised');

    // Every file but the manifest is listed, with its hash and size; nothing else is there.
    expect(manifest.files.map((f) => f.path)).toEqual(
      filesUnder(folder).filter((f) => f !== 'manifest.json'),
    );
    for (const file of manifest.files) {
      const bytes = readFileSync(path.join(folder, file.path));
      expect(createHash('sha256').update(bytes).digest('hex'), file.path).toBe(file.sha256);
      expect(bytes.length).toBe(file.bytes);
    }

    // Counts equal the library's, and the files hold them.
    const { db } = core.database;
    const segments = sessionIds.reduce((n, id) => n + readTranscript(db, id).length, 0);
    const plan = await call(core, 'plans.get', { clientId: worrier.clientId });
    const goals = plan.current?.content.goals.length ?? 0;
    expect(goals).toBeGreaterThan(0);
    expect(manifest.counts).toEqual({
      clients: 2,
      sessions: sessionIds.length,
      notes: noteIds.length,
      segments,
      goals,
    });
    const sessionFiles = manifest.files.filter((f) => f.path.startsWith('sessions/'));
    expect(sessionFiles).toHaveLength(sessionIds.length);
    const records = sessionFiles.map(
      (f) =>
        JSON.parse(readFileSync(path.join(folder, f.path), 'utf8')) as {
          format: string;
          version: number;
          session: { id: string; date: string; client: string | null };
          notes: { record: { source: string; sections: { statements: string[] }[] } | null }[];
          transcript: { speaker: string; text: string }[];
        },
    );
    for (const record of records) {
      expect(record).toMatchObject({ format: 'cairn-export', version: 1 });
      expect(record.notes.length).toBeGreaterThan(0);
      expect(record.notes[0]?.record?.sections.length).toBeGreaterThan(0);
      expect(record.transcript.map((t) => t.speaker)).toEqual(['Clinician', 'Client', 'Clinician']);
    }
    expect(records.reduce((n, r) => n + r.transcript.length, 0)).toBe(segments);
    // The client's name in free text became the client's pseudonym, so the reader can follow them.
    for (const record of records)
      expect(record.transcript[0]?.text).toBe(
        `Good to see you, ${record.session.client ?? ''}. How was the week?`,
      );
    expect(csv(folder, 'sessions')).toHaveLength(sessionIds.length);
    const noteRows = csv(folder, 'notes');
    expect(new Set(noteRows.map((r) => r.note)).size).toBe(noteIds.length);
    expect(noteRows.every((r) => r.section_title && r.text)).toBe(true);
    const goalRows = csv(folder, 'goals');
    expect(new Set(goalRows.map((r) => r.goal)).size).toBe(goals);

    // No name, no Cairn id anywhere in the folder.
    const all = everyByte(folder).toLowerCase();
    for (const name of [STEADY_WORRIER.name, WORRIED_SLEEPER.name])
      for (const part of name.toLowerCase().split(' ')) expect(all, part).not.toContain(part);
    for (const id of [worrier.clientId, sleeper.clientId, ...sessionIds, ...noteIds])
      expect(all).not.toContain(id);
    expect(all).not.toContain('ada byron');
  });

  it('resumed after a crash between the rename and its commit, finds its own finished export', async () => {
    const folder = path.join(exportsDir, 'library');
    const manifest = BulkExportManifest.parse(
      JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8')),
    );
    const seal = (runId: string) =>
      sealExport({
        db: core.database.db,
        runId,
        staging: path.join(exportsDir, '.library.cairn-export-partial-gone'),
        target: folder,
        request: { scope: { kind: 'library' }, target: folder, formats: ['json', 'csv'] },
        counts: manifest.counts,
      });
    expect(await seal(manifest.exportId)).toEqual(manifest);
    expect((await rejection(seal(randomUUID()))).code).toBe('export_staging_missing');
  });

  it('includes names and ids when asked, and one client scope holds only that client', async () => {
    const folder = path.join(exportsDir, 'ingrid');
    const result = await exportAndWait({
      scope: { kind: 'client', clientId: worrier.clientId },
      target: folder,
      formats: ['json'],
      identifiers: true,
    });
    const manifest = result.manifest;
    expect(manifest?.mode).toBe('identified');
    expect(manifest?.scope).toEqual({ kind: 'client', client: worrier.clientId });
    expect(manifest?.counts).toMatchObject({ clients: 1, sessions: worrier.sessions.size });
    expect(filesUnder(folder).some((f) => f.endsWith('.csv'))).toBe(false);
    const all = everyByte(folder);
    expect(all).toContain(STEADY_WORRIER.name);
    expect(all).toContain(worrier.clientId);
    for (const id of worrier.sessions.values()) expect(all).toContain(id);
    expect(all).toContain('Ingrid Halvorsen phoned');
    for (const id of [sleeper.clientId, ...sleeper.sessions.values()])
      expect(all).not.toContain(id);
    expect(all).not.toContain('Marisol');
  });

  it('refuses a folder that is not empty, inside the library, or not a full path', async () => {
    const full = path.join(exportsDir, 'full');
    mkdirSync(full);
    writeFileSync(path.join(full, 'old.txt'), 'an earlier file');
    const request = { scope: { kind: 'library' as const }, formats: ['csv' as const] };
    expect((await rejection(call(core, 'library.export', { ...request, target: full }))).code).toBe(
      'export_target_not_empty',
    );
    expect(
      (
        await rejection(
          call(core, 'library.export', { ...request, target: path.join(dataDir, 'x') }),
        )
      ).code,
    ).toBe('export_target_in_library');
    expect(
      (await rejection(call(core, 'library.export', { ...request, target: 'relative/folder' })))
        .code,
    ).toBe('export_target_invalid');
    expect(readdirSync(full)).toEqual(['old.txt']);
  });

  it('leaves no folder at all when cancelled while writing', async () => {
    const folder = path.join(exportsDir, 'cancelled');
    const before = readdirSync(exportsDir);
    // Cancelled as soon as records are written: their files are in the staging folder by then.
    let cancelled = false;
    const stop = core.events.subscribe((message) => {
      if (message.name !== 'runs.progress' || cancelled) return;
      const payload = message.payload as { runId: string; message: string };
      if (!/^\d+ of \d+ records written$/.test(payload.message)) return;
      cancelled = true;
      core.pipeline.cancel(payload.runId);
    });
    const { runId } = await call(core, 'library.export', {
      scope: { kind: 'library' },
      target: folder,
      formats: ['json', 'csv'],
      // Identified: no de-identifier thread to wait for; the cancel is the same.
      identifiers: true,
    });
    const run = await core.pipeline.settled(runId);
    stop();
    expect(cancelled).toBe(true);
    expect(run.status).toBe('cancelled');
    expect(existsSync(folder)).toBe(false);
    expect(readdirSync(exportsDir)).toEqual(before);
    expect((await call(core, 'library.exportResult', { runId })).folder).toBeNull();
  });

  it('audits each export by scope, mode and counts, with no name, path or content', () => {
    const exported = listAudit(core.database.db).filter((row) => row.action === 'library.exported');
    expect(exported).toHaveLength(2);
    const details = exported.map(
      (row) => JSON.parse(row.detailJson ?? '{}') as Record<string, unknown>,
    );
    expect(details.map((d) => d.mode)).toEqual(['pseudonymised', 'identified']);
    expect(details[0]).toMatchObject({
      scope: 'library',
      sessions: sessionIds.length,
      formats: 'json,csv',
    });
    const text = JSON.stringify(exported);
    for (const leak of ['Ingrid', 'Marisol', exportsDir, 'ingrid', 'thought record'])
      expect(text).not.toContain(leak);
    expect(takeEgressViolations()).toEqual([]);
    expect(statSync(exportsDir).isDirectory()).toBe(true);
  });
});
