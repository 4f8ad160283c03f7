import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { NoteContent } from '../../shared/api/note-schemas';
import { startCore, type Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { cachedPeaksFile } from '../../electron/core/audio/peaks/waveform-peaks';
import { sessionWorkDir } from '../../electron/core/pipeline/run-pipeline';
import { sweepRetention } from '../../electron/core/retention/retention-sweep';
import { getNote, saveAiDraft } from '../../electron/core/store/repositories/notes';
import { createRun } from '../../electron/core/store/repositories/runs';
import { runCairn } from '../helpers/cli';
import { rejection } from '../helpers/errors';
import { makeTempDir } from '../helpers/fixtures';
import { makeSilence } from '../helpers/media';
import { SHORT_SESSION, STORED_DRAFT_GENERATION, seedTranscript } from '../helpers/notes';

const CLIENT = 'Ottoline Brackenbury';
const DAY_MS = 24 * 60 * 60 * 1000;

type Kind = 'imported' | 'transcribed' | 'approved' | 'busy';

interface Library {
  core: Core;
  dataDir: string;
  sessions: Record<Kind, string>;
  /** Every file of a session's audio: the stored recording, its work folder, its peaks. */
  audioFiles(kind: Kind): string[];
}

/**
 * Retention: each policy deletes exactly what it says, marks it in the database with its audit
 * entry before the files go, finishes what an interrupted sweep left, and never touches a session
 * a run still needs.
 */
describe('the retention sweep', () => {
  const temp = makeTempDir();
  const cores: Core[] = [];
  afterAll(async () => {
    for (const core of cores) await core.shutdown();
    temp.remove();
  });

  /**
   * A library with four sessions: one only imported, one transcribed, one approved (with a note
   * and a transcript correction), and one transcribed whose new run is queued (busy).
   */
  async function makeLibrary(name: string, settings: Record<string, unknown> = {}) {
    const dataDir = path.join(temp.dir, name);
    const core = await startCore({ dataDir, actor: 'dr-lee', transport: 'in-process' });
    cores.push(core);
    for (const [setting, value] of Object.entries(settings))
      await call(core, 'settings.set', { name: setting, value });
    const sessions = {} as Record<Kind, string>;
    const kinds: Kind[] = ['imported', 'transcribed', 'approved', 'busy'];
    for (const [i, kind] of kinds.entries()) {
      // Different lengths: recordings are stored by content, so each needs its own bytes.
      const audio = path.join(temp.dir, `${name}-${kind}.wav`);
      makeSilence(audio, 2 + i);
      const { sessionId } = await call(core, 'recordings.import', {
        path: audio,
        clientName: CLIENT,
      });
      sessions[kind] = sessionId;
      await call(core, 'recordings.peaks', { sessionId });
      const work = sessionWorkDir(core.layout, sessionId);
      mkdirSync(work, { recursive: true });
      writeFileSync(path.join(work, 'prepared.wav'), 'prepared audio');
      if (kind === 'imported') continue;
      const segmentIds = seedTranscript(core.database.db, sessionId, SHORT_SESSION);
      finishTranscription(core, sessionId);
      if (kind === 'approved') {
        await call(core, 'transcript.correct', {
          segmentId: segmentIds[1] as string,
          text: 'Badly. I lie awake most nights.',
        });
        saveAiDraft(core.database.db, {
          sessionId,
          templateId: 'soap',
          content: NOTE,
          text: 'Plan: keep the breathing exercise.',
          generation: STORED_DRAFT_GENERATION,
          author: 'cairn',
        });
        await call(core, 'sessions.approve', { id: sessionId });
      }
      if (kind === 'busy') createRun(core.database.db, { sessionId, optionsJson: '{}' });
    }
    const files = new Map(
      kinds.map((kind) => {
        const recording = core.database.connection
          .prepare('SELECT stored_path AS p, id AS h FROM recordings WHERE session_id = ?')
          .get(sessions[kind]) as { p: string; h: string };
        return [
          kind,
          [
            path.join(dataDir, recording.p),
            sessionWorkDir(core.layout, sessions[kind]),
            cachedPeaksFile(path.join(core.layout.cache, 'peaks'), recording.h),
          ],
        ];
      }),
    );
    const library: Library = {
      core,
      dataDir,
      sessions,
      audioFiles: (kind) => files.get(kind) ?? [],
    };
    for (const kind of kinds)
      for (const file of library.audioFiles(kind)) expect(existsSync(file)).toBe(true);
    return library;
  }

  const retentionAudit = (core: Core) =>
    core.database.connection
      .prepare(
        "SELECT action, entity_type AS entityType, entity_id AS entityId, detail_json AS detail FROM audit_log WHERE action LIKE 'retention.%' ORDER BY id",
      )
      .all() as { action: string; entityType: string; entityId: string; detail: string }[];
  const recordingId = (core: Core, sessionId: string) =>
    (
      core.database.connection
        .prepare('SELECT id FROM recordings WHERE session_id = ?')
        .get(sessionId) as { id: string }
    ).id;
  const audioKept = (library: Library, kind: Kind) =>
    library.audioFiles(kind).every((file) => existsSync(file));
  const audioGone = (library: Library, kind: Kind) =>
    library.audioFiles(kind).every((file) => !existsSync(file));

  it('deletes nothing under the default policy (keep)', async () => {
    const library = await makeLibrary('keep');
    const result = await call(library.core, 'retention.sweep', {});
    expect(result).toMatchObject({
      policy: { rawAudio: 'keep', transcripts: 'keep', graceDays: 0 },
      audioDeleted: [],
      transcriptsDeleted: [],
      filesRemoved: 0,
    });
    for (const kind of ['imported', 'transcribed', 'approved', 'busy'] as const)
      expect(audioKept(library, kind)).toBe(true);
    expect(retentionAudit(library.core)).toEqual([]);
  });

  it('deletes raw audio after transcription: files gone, marked, audited with ids only, refused for processing', async () => {
    const library = await makeLibrary('after-transcription', {
      retentionRawAudio: 'afterTranscription',
    });
    const { core, sessions } = library;
    const dry = await call(core, 'retention.sweep', { dryRun: true });
    expect(dry.audioDeleted.map((a) => a.sessionId).sort()).toEqual(
      [sessions.transcribed, sessions.approved].sort(),
    );
    expect(dry.skippedBusy).toEqual([sessions.busy]);
    expect(audioKept(library, 'transcribed')).toBe(true);
    expect(retentionAudit(core)).toEqual([]);

    const swept = await call(core, 'retention.sweep', {});
    expect(swept.audioDeleted.map((a) => a.sessionId).sort()).toEqual(
      [sessions.transcribed, sessions.approved].sort(),
    );
    expect(swept.skippedBusy).toEqual([sessions.busy]);
    expect(swept.filesRemoved).toBe(6);
    expect(audioGone(library, 'transcribed')).toBe(true);
    expect(audioGone(library, 'approved')).toBe(true);
    expect(audioKept(library, 'imported')).toBe(true);
    expect(audioKept(library, 'busy')).toBe(true);
    // The transcript policy is keep: the words are all still there.
    expect(await call(core, 'sessions.transcript', { id: sessions.transcribed })).toHaveLength(
      SHORT_SESSION.length,
    );

    const audit = retentionAudit(core);
    expect(audit.map((a) => [a.action, a.entityType, a.entityId]).sort()).toEqual(
      [
        ['retention.audio_deleted', 'recording', recordingId(core, sessions.transcribed)],
        ['retention.audio_deleted', 'recording', recordingId(core, sessions.approved)],
      ].sort(),
    );
    for (const entry of audit) {
      expect(Object.keys(JSON.parse(entry.detail) as object).sort()).toEqual([
        'graceDays',
        'policy',
        'session',
      ]);
      expect(entry.detail).not.toMatch(/Brackenbury|\.wav|recordings\//);
    }

    const detail = await call(core, 'sessions.get', { id: sessions.transcribed });
    expect(detail.recording?.audioDeletedAt).toEqual(expect.any(Number));
    expect(detail.transcriptDeletedAt).toBeNull();
    expect(
      await rejection(call(core, 'recordings.peaks', { sessionId: sessions.transcribed })),
    ).toMatchObject({
      code: 'audio_deleted',
      userMessage: expect.stringMatching(/retention policy/) as unknown,
    });
    const refused = await rejection(
      call(core, 'pipeline.process', { sessionId: sessions.transcribed, options: { force: true } }),
    );
    expect(refused).toMatchObject({
      category: 'validation',
      code: 'audio_deleted',
      userMessage: expect.stringMatching(
        /deleted under the practice's retention policy/,
      ) as unknown,
    });

    // Idempotent: a second sweep finds nothing new and writes nothing.
    const again = await call(core, 'retention.sweep', {});
    expect(again).toMatchObject({ audioDeleted: [], transcriptsDeleted: [], filesRemoved: 0 });
    expect(retentionAudit(core)).toHaveLength(2);

    // Once the busy session's run has ended, the next sweep takes its audio too.
    core.database.connection
      .prepare("UPDATE pipeline_runs SET status = 'cancelled' WHERE session_id = ?")
      .run(sessions.busy);
    const later = await call(core, 'retention.sweep', {});
    expect(later.audioDeleted.map((a) => a.sessionId)).toEqual([sessions.busy]);
    expect(audioGone(library, 'busy')).toBe(true);
    expect(audioKept(library, 'imported')).toBe(true);
  });

  it('deletes raw audio after approval only, and from the CLI', async () => {
    const library = await makeLibrary('after-approval', { retentionRawAudio: 'afterApproval' });
    const { core, sessions } = library;
    await core.shutdown();
    const dry = await runCairn(['retention', 'sweep', '--dry-run', '--json'], {
      dataDir: library.dataDir,
    });
    expect(dry.code, dry.stderr).toBe(0);
    expect(audioKept(library, 'approved')).toBe(true);
    const swept = await runCairn(['retention', 'sweep', '--json'], { dataDir: library.dataDir });
    expect(swept.code, swept.stderr).toBe(0);
    const result = JSON.parse(swept.stdout) as { audioDeleted: { sessionId: string }[] };
    expect(result.audioDeleted.map((a) => a.sessionId)).toEqual([sessions.approved]);
    expect(audioGone(library, 'approved')).toBe(true);
    for (const kind of ['imported', 'transcribed', 'busy'] as const)
      expect(audioKept(library, kind)).toBe(true);
    const human = await runCairn(['retention', 'sweep'], { dataDir: library.dataDir });
    expect(human.stdout).toMatch(/Deleted the audio of 0 sessions/);
  });

  it('deletes an approved session’s transcript text and corrections; the note stays whole', async () => {
    const library = await makeLibrary('transcripts', { retentionTranscripts: 'afterApproval' });
    const { core, sessions } = library;
    const noteBefore = (await call(core, 'notes.list', { sessionId: sessions.approved }))[0];
    const swept = await call(core, 'retention.sweep', {});
    expect(swept.audioDeleted).toEqual([]);
    expect(swept.transcriptsDeleted).toEqual([
      { sessionId: sessions.approved, segments: SHORT_SESSION.length, revisions: 1 },
    ]);
    expect(await call(core, 'sessions.transcript', { id: sessions.approved })).toEqual([]);
    const stored = core.database.connection
      .prepare('SELECT text, words_json AS words FROM transcript_segments WHERE session_id = ?')
      .all(sessions.approved) as { text: string; words: string }[];
    // The rows stay for the note's citations, without a word of what was said.
    expect(stored).toHaveLength(SHORT_SESSION.length);
    expect(stored.every((s) => s.text === '' && s.words === '[]')).toBe(true);
    const revisions = core.database.connection
      .prepare('SELECT count(*) AS n FROM transcript_revisions WHERE session_id = ?')
      .get(sessions.approved) as { n: number };
    expect(revisions.n).toBe(0);
    expect(noteBefore).toBeDefined();
    expect(getNote(core.database.db, noteBefore?.id ?? '')).toEqual(noteBefore);
    expect(await call(core, 'sessions.transcript', { id: sessions.transcribed })).toHaveLength(
      SHORT_SESSION.length,
    );
    const detail = await call(core, 'sessions.get', { id: sessions.approved });
    expect(detail.transcriptDeletedAt).toEqual(expect.any(Number));
    expect(audioKept(library, 'approved')).toBe(true);
    const [entry] = retentionAudit(core);
    expect(entry).toMatchObject({
      action: 'retention.transcript_deleted',
      entityType: 'session',
      entityId: sessions.approved,
    });
    expect(JSON.parse(entry?.detail ?? '{}')).toEqual({
      policy: 'afterApproval',
      graceDays: 0,
      segments: SHORT_SESSION.length,
      revisions: 1,
    });
    const processing = await rejection(
      call(core, 'pipeline.process', { sessionId: sessions.approved, options: { force: true } }),
    );
    expect(processing).toMatchObject({ code: 'transcript_deleted' });
    expect((await call(core, 'retention.sweep', {})).transcriptsDeleted).toEqual([]);
  });

  it('waits out the grace period', async () => {
    const library = await makeLibrary('grace', {
      retentionRawAudio: 'afterTranscription',
      retentionGraceDays: 7,
    });
    const deps = { db: library.core.database.db, layout: library.core.layout, actor: 'test' };
    const early = await sweepRetention(deps, { now: Date.now() + 6 * DAY_MS });
    expect(early.audioDeleted).toEqual([]);
    expect(audioKept(library, 'transcribed')).toBe(true);
    const due = await sweepRetention(deps, { now: Date.now() + 8 * DAY_MS });
    expect(due.audioDeleted.map((a) => a.sessionId).sort()).toEqual(
      [library.sessions.transcribed, library.sessions.approved].sort(),
    );
  });

  it('finishes a sweep that was interrupted after marking, and removes what a partial one left', async () => {
    const library = await makeLibrary('interrupted', { retentionRawAudio: 'afterTranscription' });
    const { core, sessions } = library;
    // A sweep killed after its transaction committed: marked (and audited), no file removed yet.
    core.database.connection
      .prepare('UPDATE recordings SET audio_deleted_at = ? WHERE session_id = ?')
      .run(Date.now(), sessions.transcribed);
    // One killed half-way through the files: the recording went, the rest is still there.
    core.database.connection
      .prepare('UPDATE recordings SET audio_deleted_at = ? WHERE session_id = ?')
      .run(Date.now(), sessions.approved);
    rmSync(library.audioFiles('approved')[0] as string);
    const swept = await call(core, 'retention.sweep', {});
    // Neither is marked again (no second audit entry); their leftovers are removed.
    expect(swept.audioDeleted).toEqual([]);
    expect(swept.filesRemoved).toBe(3 + 2);
    expect(audioGone(library, 'transcribed')).toBe(true);
    expect(audioGone(library, 'approved')).toBe(true);
    expect(audioKept(library, 'imported')).toBe(true);
    expect(retentionAudit(core)).toEqual([]);
  });

  it('sweeps at start-up when the app starts', async () => {
    const library = await makeLibrary('startup', { retentionRawAudio: 'afterApproval' });
    const { sessions, dataDir } = library;
    await call(library.core, 'runs.cancel', {
      id: (
        library.core.database.connection
          .prepare("SELECT id FROM pipeline_runs WHERE session_id = ? AND status = 'queued'")
          .get(sessions.busy) as { id: string }
      ).id,
    });
    await library.core.shutdown();
    const app = await startCore({
      dataDir,
      actor: 'dr-lee',
      transport: 'in-process',
      pipeline: { recover: true },
    });
    cores.push(app);
    // The start-up sweep runs beside the start; wait for its mark rather than for a time.
    for (let i = 0; i < 200; i += 1) {
      const detail = await call(app, 'sessions.get', { id: sessions.approved });
      if (detail.recording?.audioDeletedAt) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await app.shutdown(); // waits for the sweep's file removal
    expect(audioGone(library, 'approved')).toBe(true);
    expect(audioKept(library, 'transcribed')).toBe(true);
  });
});

const NOTE: NoteContent = {
  templateId: 'soap',
  templateVersion: 1,
  sections: [{ key: 'plan', title: 'Plan', items: [] }],
};

/** What a completed run leaves: its transcribe stage completed, the session transcribed. */
function finishTranscription(core: Core, sessionId: string): void {
  const runId = createRun(core.database.db, { sessionId, optionsJson: '{}' }) as string;
  const db = core.database.connection;
  db.prepare(
    "UPDATE pipeline_stages SET status = 'completed', finished_at = ? WHERE run_id = ? AND stage IN ('validate', 'preprocess', 'transcribe', 'diarize', 'merge')",
  ).run(Date.now(), runId);
  db.prepare("UPDATE pipeline_runs SET status = 'completed', finished_at = ? WHERE id = ?").run(
    Date.now(),
    runId,
  );
  db.prepare("UPDATE sessions SET status = 'transcribed' WHERE id = ?").run(sessionId);
}
