import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore } from '../../electron/core/app/core';
import { PIPELINE_STAGES } from '../../shared/domain/enums';
import { sessionWorkDir } from '../../electron/core/pipeline/run-pipeline';
import { plainRoot } from '../../electron/core/security/plain-workspace';
import { addRiskFlag } from '../../electron/core/store/repositories/risk-flags';
import { call } from '../../electron/core/cli/call';
import { SETTINGS } from '../../electron/core/config/settings';
import { setSetting } from '../../electron/core/store/repositories/settings';
import { killCairnGroup, runCairn, spawnCairnGroup } from '../helpers/cli';
import { makeTempDir } from '../helpers/fixtures';
import {
  crashingWhisperWrapper,
  isTranscribing,
  pipelineEnv,
  processJson,
  processRecording,
  readLibrary,
  stageCompletions,
  twoVoiceRecording,
} from '../helpers/pipeline';
import { expectExtractiveDraft } from '../helpers/expect-extractive';
import { processesMentioning, processesRunning } from '../helpers/process-tree';
import { testDiarizationModels } from '../helpers/diarization-models';

const STAGES_RUN = ['validate', 'preprocess', 'transcribe', 'diarize', 'merge', 'finalize'];

describe('the pipeline (cairn process)', () => {
  const temp = makeTempDir();
  let recording: string;
  beforeAll(() => {
    testDiarizationModels();
    recording = twoVoiceRecording(15, 6);
  }, 120_000);
  afterAll(() => temp.remove());
  const library = (name: string) => path.join(temp.dir, name);

  it('imports, transcribes and diarizes in one run; with no notes model the note is an extractive draft', async () => {
    const dataDir = library('main');
    const result = await processRecording(recording, dataDir, [
      '--client',
      'Test Client',
      '--kind',
      'individual',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const out = processJson(result);
    expect(out.status).toBe('completed');
    expect(out.stages.filter((s) => s.status === 'completed').map((s) => s.stage)).toEqual(
      STAGES_RUN.toSpliced(-1, 0, 'notes'),
    );
    // No model installed: not a failure, a draft of transcript sentences that says what it is.
    expectExtractiveDraft(out, /No notes model is installed/);
    expect(out.transcript.length).toBeGreaterThan(1);
    expect(new Set(out.transcript.map((l) => l.speaker))).toEqual(
      new Set(['SPEAKER_00', 'SPEAKER_01']),
    );
    // The run's metrics are stored (speed itself is measured by npm run bench -- pipeline).
    expect(out.metrics.audioSec).toBeGreaterThan(14);
    expect(out.metrics.wallMs).toBeGreaterThan(0);
    expect(out.metrics.speedRatio).toBeCloseTo(
      (out.metrics.audioSec ?? 0) / ((out.metrics.wallMs ?? 1) / 1000),
      3,
    );

    const again = processJson(await processRecording(recording, dataDir));
    expect(again).toMatchObject({ runId: out.runId, alreadyDone: true, status: 'completed' });

    const db = readLibrary(dataDir);
    try {
      const completions = stageCompletions(db.audit(out.runId));
      expect(completions).toEqual(Object.fromEntries([...STAGES_RUN, 'notes'].map((s) => [s, 1])));
      // The audit log names stages and ids, never words from the session.
      const words = out.transcript.flatMap((l) => l.text.split(/\W+/)).filter((w) => w.length > 5);
      const auditText = JSON.stringify(db.audit(out.runId));
      for (const word of words) expect(auditText).not.toContain(word);
    } finally {
      db.close();
    }
    const runs = await runCairn(['runs', '--json'], { dataDir });
    expect(JSON.parse(runs.stdout)).toMatchObject([{ id: out.runId, status: 'completed' }]);
    expect(existsSync(sessionWorkDir({ root: dataDir } as never, out.sessionId))).toBe(false);
  }, 120_000);

  it('retries a crashed transcription engine, then succeeds (a whisper-cli wrapper that crashes once)', async () => {
    const dataDir = library('flaky');
    const wrapper = crashingWhisperWrapper(temp.dir, 1);
    const out = processJson(
      await processRecording(recording, dataDir, [], { CAIRN_WHISPER_CLI: wrapper }),
    );
    expect(out.status).toBe('completed');
    expect(out.stages.find((s) => s.stage === 'transcribe')).toMatchObject({
      status: 'completed',
      attempts: 2,
    });
    expect(out.transcript.length).toBeGreaterThan(1);
  }, 120_000);

  it('fails at once with the clinician-facing message when the model is missing', async () => {
    const dataDir = library('no-model');
    const result = await processRecording(recording, dataDir, ['--model', 'medium.en']);
    expect(result.code, result.stderr).toBe(2);
    const out = processJson(result);
    expect(out.status).toBe('failed');
    expect(out.error).toMatch(/medium\.en/);
    expect(result.stderr).toContain(out.error);
    // Checked before the first stage (missing-model.test.ts has the details): nothing was tried.
    expect(out.stages.find((s) => s.stage === 'preprocess')).toMatchObject({
      status: 'pending',
      attempts: 0,
    });
    const runs = JSON.parse((await runCairn(['runs', '--json'], { dataDir })).stdout) as {
      errorCategory: string;
    }[];
    expect(runs[0]?.errorCategory).toBe('validation');
  }, 120_000);

  it('keeps the transcript with one "Unknown" speaker when diarization fails', async () => {
    const dataDir = library('no-diarizer');
    const broken = path.join(temp.dir, 'broken-voice-encoder.onnx');
    writeFileSync(broken, 'not an onnx model');
    const out = processJson(
      await processRecording(recording, dataDir, [], { CAIRN_VOICE_ENCODER: broken }),
    );
    expect(out.status).toBe('completed');
    expect(out.stages.find((s) => s.stage === 'diarize')?.status).toBe('failed');
    expect(out.transcript.length).toBeGreaterThan(1);
    expect(new Set(out.transcript.map((l) => l.speaker))).toEqual(new Set(['Unknown']));
    const session = JSON.parse(
      (await runCairn(['show', out.sessionId, '--json'], { dataDir })).stdout,
    ) as { status: string };
    expect(session.status).toBe('transcribed');
  }, 120_000);

  it('lets exactly one of two concurrent `cairn process` calls run the session', async () => {
    const dataDir = library('concurrent');
    const [a, b] = await Promise.all([
      processRecording(recording, dataDir),
      processRecording(recording, dataDir),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const [first, second] = [processJson(a), processJson(b)];
    expect(second.runId).toBe(first.runId);
    expect(first.status).toBe('completed');
    const db = readLibrary(dataDir);
    try {
      const audit = db.audit(first.runId);
      expect(audit.filter((e) => e.action === 'pipeline.run.started')).toHaveLength(1);
      expect(audit.filter((e) => e.action === 'pipeline.run.resumed')).toHaveLength(0);
      expect(stageCompletions(audit)).toEqual(
        Object.fromEntries([...STAGES_RUN, 'notes'].map((s) => [s, 1])),
      );
    } finally {
      db.close();
    }
  }, 120_000);

  it('resumes a failed run from the failed stage, keeping what completed (cairn retry)', async () => {
    const dataDir = library('retry');
    const missing = path.join(temp.dir, 'no-such-whisper-cli');
    const failed = processJson(
      await processRecording(recording, dataDir, [], { CAIRN_WHISPER_CLI: missing }),
    );
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/transcription engine/);
    const retried = await runCairn(['retry', failed.runId, '--json'], {
      dataDir,
      env: pipelineEnv(),
    });
    expect(retried.code, retried.stderr).toBe(0);
    expect(JSON.parse(retried.stdout)).toMatchObject({ id: failed.runId, status: 'completed' });
    const db = readLibrary(dataDir);
    try {
      const stages = Object.fromEntries(db.stages(failed.runId).map((s) => [s.stage, s.attempts]));
      expect(stages).toMatchObject({ validate: 1, preprocess: 1, transcribe: 2 });
      expect(db.audit(failed.runId).map((e) => e.action)).toContain('pipeline.run.retried');
    } finally {
      db.close();
    }
  }, 120_000);
});

describe('the pipeline in the app process', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it('cancels mid-transcription: no engine process is left, the run is cancelled, nothing partial kept', async () => {
    Object.assign(process.env, pipelineEnv());
    const recording = twoVoiceRecording(90, 8);
    const dataDir = path.join(temp.dir, 'cancel');
    const core = await startCore({ dataDir, actor: 'test', transport: 'in-process' });
    try {
      const { sessionId } = await call(core, 'recordings.import', { path: recording });
      const { runId } = await call(core, 'pipeline.process', { sessionId });
      for (let i = 0; i < 600 && !(await isTranscribing(core, runId, dataDir)); i += 1)
        await new Promise((r) => setTimeout(r, 50));
      expect(processesRunning('whisper', dataDir).length).toBeGreaterThan(0);
      await call(core, 'runs.cancel', { id: runId });
      const run = await core.pipeline.settled(runId);
      expect(run.status).toBe('cancelled');
      // settled() returns once the clean-up is done: no waiting here.
      expect(processesMentioning(dataDir)).toEqual([]);
      expect(existsSync(sessionWorkDir(core.layout, sessionId))).toBe(false);
      expect(readdirSync(plainRoot(core.layout))).toEqual([]); // no decrypted copy either
      expect(await call(core, 'sessions.transcript', { id: sessionId })).toEqual([]);
      const summary = await call(core, 'runs.get', { id: runId });
      expect(summary.stages.find((s) => s.stage === 'transcribe')?.status).toBe('pending');
    } finally {
      await core.shutdown();
    }
  }, 180_000);

  it('holds a flagged session for review until every risk flag is acknowledged', async () => {
    Object.assign(process.env, pipelineEnv());
    const dataDir = path.join(temp.dir, 'review');
    const core = await startCore({ dataDir, actor: 'clinician', transport: 'in-process' });
    try {
      const { sessionId } = await call(core, 'recordings.import', {
        path: twoVoiceRecording(15, 6),
      });
      const first = await call(core, 'pipeline.process', {
        sessionId,
        options: { skipNotes: true },
      });
      expect((await core.pipeline.settled(first.runId)).status).toBe('completed');
      // The notes stage raises risk flags (notes issue); here one is recorded as it would.
      const flag = addRiskFlag(core.database.db, {
        sessionId,
        runId: first.runId,
        kind: 'self_harm',
        evidence: {},
      });
      const second = await call(core, 'pipeline.process', {
        sessionId,
        options: { startFrom: 'finalize' },
      });
      expect((await core.pipeline.settled(second.runId)).status).toBe('awaiting_review');
      await expect(call(core, 'sessions.approve', { id: sessionId })).rejects.toMatchObject({
        code: 'risk_flags_open',
      });
      await call(core, 'riskFlags.acknowledge', { id: flag });
      expect(await call(core, 'sessions.approve', { id: sessionId })).toMatchObject({
        status: 'approved',
      });
      const actions = core.database.connection
        .prepare('select action, actor from audit_log where entity_id = ?')
        .all(flag) as { action: string; actor: string }[];
      expect(actions).toEqual([{ action: 'risk_flag.acknowledged', actor: 'clinician' }]);
    } finally {
      await core.shutdown();
    }
  }, 120_000);
});

describe('the pipeline queue', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it('enqueues without waiting, runs one at a time FIFO with a bump, bounds the backlog, cancels a queued run', async () => {
    Object.assign(process.env, pipelineEnv());
    const dataDir = path.join(temp.dir, 'queue');
    // Three sessions waiting at most: set before the core starts, as Settings would.
    const first = await startCore({ dataDir, actor: 'test', transport: 'in-process' });
    setSetting(first.database.db, SETTINGS.pipelineMaxBacklog.key, 3);
    await first.shutdown();
    const core = await startCore({ dataDir, actor: 'test', transport: 'in-process' });
    try {
      const sessions: string[] = [];
      for (const seed of [21, 22, 23, 24, 25])
        sessions.push(
          (await call(core, 'recordings.import', { path: twoVoiceRecording(6, seed) })).sessionId,
        );
      const runs: string[] = [];
      for (const sessionId of sessions.slice(0, 4))
        runs.push(
          (await call(core, 'pipeline.process', { sessionId, options: { skipNotes: true } })).runId,
        );
      // Enqueueing returned before any work was done: the last three are still waiting.
      for (const id of runs.slice(1))
        expect((await call(core, 'runs.get', { id })).status).toBe('queued');
      // One running, three waiting: a fifth is refused.
      await expect(
        call(core, 'pipeline.process', { sessionId: sessions[4] as string }),
      ).rejects.toMatchObject({ code: 'queue_full' });
      const [a, b, c, d] = runs as [string, string, string, string];
      await call(core, 'pipeline.process', { sessionId: sessions[3] as string, waiting: true }); // bump d
      expect((await call(core, 'runs.cancel', { id: b })).status).toBe('cancelled');
      for (const id of [a, c, d])
        expect((await core.pipeline.settled(id)).status).toBe('completed');
      expect(
        (await call(core, 'runs.get', { id: b })).stages.every((s) => s.status === 'pending'),
      ).toBe(true);
      const order = (
        core.database.connection
          .prepare(
            "select entity_id as run from audit_log where action = 'pipeline.run.started' order by id",
          )
          .all() as { run: string }[]
      ).map((r) => r.run);
      expect(order).toEqual([a, d, c]);
      const health = await call(core, 'pipeline.health', {});
      expect(health).toMatchObject({
        queued: 0,
        running: 0,
        engines: { whisper: 'closed', diarizer: 'closed' },
      });
    } finally {
      await core.shutdown();
    }
  }, 180_000);

  it('resumes, at start-up, a run a killed process left running', async () => {
    Object.assign(process.env, pipelineEnv());
    const dataDir = path.join(temp.dir, 'startup');
    const recording = twoVoiceRecording(30, 12);
    const child = spawnCairnGroup(['process', recording], { dataDir });
    // Kill the whole process group while an engine works on the decrypted audio.
    for (
      let i = 0;
      i < 600 && !processesMentioning(path.join(dataDir, 'tmp', 'plain')).length;
      i += 1
    )
      await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 500));
    await killCairnGroup(child);

    const core = await startCore({
      dataDir,
      actor: 'app',
      transport: 'in-process',
      pipeline: { recover: true },
    });
    try {
      const [run] = await call(core, 'runs.list', {});
      expect(run).toBeDefined();
      const ended = await core.pipeline.settled(run?.id as string);
      expect(ended.status).toBe('completed');
      const audit = core.database.connection
        .prepare(
          'select action, detail_json as detail from audit_log where entity_id = ? order by id',
        )
        .all(ended.id) as { action: string; detail: string | null }[];
      expect(audit.map((r) => r.action)).toContain('pipeline.run.resumed');
      // Every stage completed exactly once across the two processes, wherever the kill landed
      // (notes too: with no model, an extractive draft).
      expect(stageCompletions(audit)).toEqual(
        Object.fromEntries(PIPELINE_STAGES.map((stage) => [stage, 1])),
      );
    } finally {
      await core.shutdown();
    }
  }, 180_000);

  it('sweeps sessions whose notes failed into a notes-only run', async () => {
    Object.assign(process.env, pipelineEnv());
    const dataDir = path.join(temp.dir, 'sweep');
    const core = await startCore({ dataDir, actor: 'test', transport: 'in-process' });
    try {
      const { sessionId } = await call(core, 'recordings.import', {
        path: twoVoiceRecording(6, 21),
      });
      const { runId } = await call(core, 'pipeline.process', {
        sessionId,
        options: { template: 'dap' },
      });
      expect((await core.pipeline.settled(runId)).status).toBe('completed');
      // As the notes stage records a failure (a busy or missing notes model):
      core.database.connection
        .prepare(
          "update pipeline_stages set status = 'failed', error_message = 'busy' where run_id = ? and stage = 'notes'",
        )
        .run(runId);
      const [notesRun] = core.pipeline.sweepNotes();
      expect(notesRun).toBeDefined();
      // The same note is asked for again, not the default template's.
      const asked = core.database.connection
        .prepare('select options_json as options from pipeline_runs where id = ?')
        .get(notesRun) as { options: string };
      expect(JSON.parse(asked.options)).toEqual({ startFrom: 'notes', template: 'dap' });
      const ended = await core.pipeline.settled(notesRun as string);
      expect(ended.status).toBe('completed');
      const stages = (await call(core, 'runs.get', { id: ended.id })).stages;
      // Only notes and finalize ran; everything before was reused.
      expect(stages.filter((s) => s.attempts > 0).map((s) => s.stage)).toEqual([
        'notes',
        'finalize',
      ]);
      expect(core.pipeline.sweepNotes()).toEqual([]);
    } finally {
      await core.shutdown();
    }
  }, 120_000);
});
