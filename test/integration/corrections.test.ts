import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteContent } from '../../shared/api/note-schemas';
import { startCore, type Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { approveNotesOfSession, saveAiDraft } from '../../electron/core/store/repositories/notes';
import { createSession } from '../../electron/core/store/repositories/sessions';
import {
  readTranscript,
  replaceTranscript,
} from '../../electron/core/store/repositories/transcript';
import { rejection } from '../helpers/errors';
import { makeTempDir } from '../helpers/fixtures';
import { seedTranscript, SHORT_SESSION, STORED_DRAFT_GENERATION } from '../helpers/notes';

/**
 * What the clinician changes in the record, through the API: transcript corrections (each a
 * revision, undoable, carried over a re-transcription) and addenda to signed notes.
 */
describe('transcript corrections and addenda', () => {
  const temp = makeTempDir();
  let core: Core;
  beforeAll(async () => {
    core = await startCore({ dataDir: temp.dir, actor: 'dr-lee', transport: 'in-process' });
  });
  afterAll(async () => {
    await core.shutdown();
    temp.remove();
  });

  const newSession = () => {
    const sessionId = createSession(core.database.db, {
      clientId: null,
      date: '2026-11-26',
      kind: 'individual',
    });
    return { sessionId, segmentIds: seedTranscript(core.database.db, sessionId, SHORT_SESSION) };
  };
  const texts = async (sessionId: string) =>
    (await call(core, 'sessions.transcript', { id: sessionId })).map((l) => l.text);
  const revisionRows = (sessionId: string) =>
    core.database.connection
      .prepare('select * from transcript_revisions where session_id = ?')
      .all(sessionId) as { segment_id: string | null; text: string; undone_at: number | null }[];

  it('saves a correction at once as a revision, marks the line, and audits ids only', async () => {
    const { sessionId, segmentIds } = newSession();
    const line = await call(core, 'transcript.correct', {
      segmentId: segmentIds[1] as string,
      text: '  Badly. I lie awake worrying about Ward 7 most nights.  ',
    });
    expect(line).toMatchObject({
      text: 'Badly. I lie awake worrying about Ward 7 most nights.',
      corrected: true,
      speaker: 'SPEAKER_01',
    });
    const transcript = await call(core, 'sessions.transcript', { id: sessionId });
    expect(transcript.map((l) => l.corrected)).toEqual(SHORT_SESSION.map((_, i) => i === 1));
    const [revision] = await call(core, 'transcript.revisions', {
      segmentId: segmentIds[1] as string,
    });
    expect(revision).toMatchObject({
      previousText: SHORT_SESSION[1]?.[1],
      text: line.text,
      author: 'dr-lee',
      undoneAt: null,
    });
    const audit = JSON.stringify(core.database.connection.prepare('select * from audit_log').all());
    expect(audit).toContain('transcript.corrected');
    expect(audit).not.toContain('Ward 7');
  });

  it('keeps one revision while the clinician keeps typing, and undo steps back over all of it', async () => {
    const { sessionId, segmentIds } = newSession();
    const segmentId = segmentIds[3] as string;
    for (const text of ['A little', 'A little. I did', 'A little. I did it three times.'])
      await call(core, 'transcript.correct', { segmentId, text });
    expect(await call(core, 'transcript.revisions', { segmentId })).toHaveLength(1);
    const { line } = await call(core, 'transcript.undo', { sessionId });
    expect(line).toMatchObject({ id: segmentId, text: SHORT_SESSION[3]?.[1], corrected: false });
    expect(await call(core, 'transcript.undo', { sessionId })).toEqual({ line: null });
    // Undone, never deleted: the history still shows what was typed.
    const rows = revisionRows(sessionId);
    expect(rows.map((r) => r.text)).toEqual(['A little. I did it three times.']);
    expect(rows[0]?.undone_at).toBeGreaterThan(0);
  });

  it('undoes corrections newest first, in the session or among given lines', async () => {
    const { sessionId, segmentIds } = newSession();
    const [first, second, third] = segmentIds as [string, string, string];
    await call(core, 'transcript.correct', { segmentId: first, text: 'One.' });
    await call(core, 'transcript.correct', { segmentId: second, text: 'Two.' });
    await call(core, 'transcript.correct', { segmentId: third, text: 'Three.' });
    // Undo within a turn's lines skips the newer correction elsewhere.
    expect(
      (await call(core, 'transcript.undo', { sessionId, segmentIds: [first, second] })).line,
    ).toMatchObject({ id: second });
    expect((await texts(sessionId)).slice(0, 3)).toEqual(['One.', SHORT_SESSION[1]?.[1], 'Three.']);
    expect((await call(core, 'transcript.undo', { sessionId })).line).toMatchObject({ id: third });
    expect((await call(core, 'transcript.undo', { sessionId })).line).toMatchObject({ id: first });
    expect(await texts(sessionId)).toEqual(SHORT_SESSION.map(([, text]) => text));
  });

  it('treats typing back to the original as no correction', async () => {
    const { sessionId, segmentIds } = newSession();
    const segmentId = segmentIds[0] as string;
    await call(core, 'transcript.correct', { segmentId, text: 'How have you been?' });
    const line = await call(core, 'transcript.correct', {
      segmentId,
      text: SHORT_SESSION[0]?.[1] as string,
    });
    expect(line.corrected).toBe(false);
    expect(await call(core, 'transcript.undo', { sessionId })).toEqual({ line: null });
  });

  it('carries corrections over a re-transcription at the same spans and keeps the rest detached', async () => {
    const { sessionId, segmentIds } = newSession();
    const db = core.database.db;
    await call(core, 'transcript.correct', { segmentId: segmentIds[0] as string, text: 'Kept.' });
    await call(core, 'transcript.correct', { segmentId: segmentIds[2] as string, text: 'Moved.' });
    // A forced re-run: same spans except the third line, which the new model cut differently.
    replaceTranscript(
      db,
      sessionId,
      SHORT_SESSION.map(([, text], i) => ({
        start: i * 5 + (i === 2 ? 1 : 0),
        end: i * 5 + 4,
        text: `${text} (again)`,
        words: [],
      })),
    );
    const after = readTranscript(db, sessionId);
    expect(after[0]?.text).toBe('Kept.');
    expect(after[2]?.text).toBe(`${SHORT_SESSION[2]?.[1]} (again)`);
    const transcript = await call(core, 'sessions.transcript', { id: sessionId });
    expect(transcript.filter((l) => l.corrected).map((l) => l.id)).toEqual([after[0]?.id]);
    const rows = revisionRows(sessionId);
    expect(rows.find((r) => r.text === 'Kept.')?.segment_id).toBe(after[0]?.id);
    expect(rows.find((r) => r.text === 'Moved.')?.segment_id).toBeNull();
  });

  it('scans a corrected line for risk and adds a flag the recogniser’s mishearing hid', async () => {
    const { sessionId, segmentIds } = newSession();
    expect(await call(core, 'riskFlags.list', { sessionId })).toEqual([]);
    await call(core, 'transcript.correct', {
      segmentId: segmentIds[3] as string,
      text: 'A little. But last week I took pills to kill myself.',
    });
    const flags = await call(core, 'riskFlags.list', { sessionId });
    expect(flags.map((f) => [f.kind, f.segmentIds])).toEqual([
      ['suicidal_ideation_active', [segmentIds[3]]],
    ]);
    // Undoing the correction keeps the flag: it is the clinician's to acknowledge.
    await call(core, 'transcript.undo', { sessionId });
    expect(await call(core, 'riskFlags.list', { sessionId })).toHaveLength(1);
  });

  it('refuses a line that does not exist and text that is too long, with a readable message', async () => {
    const missing = await rejection(
      call(core, 'transcript.correct', {
        segmentId: '00000000-0000-4000-8000-000000000000',
        text: 'x',
      }),
    );
    expect(missing).toMatchObject({ category: 'validation', code: 'segment_not_found' });
    expect(missing.userMessage).toMatch(/reload/);
    const { segmentIds } = newSession();
    expect(
      await rejection(
        call(core, 'transcript.correct', {
          segmentId: segmentIds[0] as string,
          text: 'x'.repeat(10_001),
        }),
      ),
    ).toMatchObject({ category: 'validation' });
  });

  it('adds addenda to a signed note only, keeping the signed text as it was', async () => {
    const { sessionId } = newSession();
    const content: NoteContent = {
      templateId: 'soap',
      templateVersion: 1,
      sections: [{ key: 'plan', title: 'Plan', items: [] }],
    };
    const noteId = saveAiDraft(core.database.db, {
      sessionId,
      templateId: 'soap',
      content,
      text: 'Plan: none.',
      generation: STORED_DRAFT_GENERATION,
      author: 'cairn',
    });
    expect(
      await rejection(call(core, 'notes.addAddendum', { id: noteId, text: 'Too early.' })),
    ).toMatchObject({ code: 'note_not_signed' });
    approveNotesOfSession(core.database.db, sessionId, 'dr-lee');
    const edit = await rejection(call(core, 'notes.saveClinicianVersion', { id: noteId, content }));
    expect(edit.userMessage).toMatch(/addendum/);
    await call(core, 'notes.addAddendum', { id: noteId, text: 'Client called on Friday.' });
    await call(core, 'notes.addAddendum', { id: noteId, text: '  Safety plan reviewed.  ' });
    expect(
      await rejection(call(core, 'notes.addAddendum', { id: noteId, text: '   ' })),
    ).toMatchObject({ category: 'validation' });
    const addenda = await call(core, 'notes.addenda', { id: noteId });
    expect(addenda.map((a) => [a.text, a.author])).toEqual([
      ['Client called on Friday.', 'dr-lee'],
      ['Safety plan reviewed.', 'dr-lee'],
    ]);
    const note = await call(core, 'notes.get', { id: noteId });
    expect(note).toMatchObject({ status: 'approved', approvedBy: 'dr-lee' });
    expect(note.ai?.text).toBe('Plan: none.');
  });
});
