import Database from 'better-sqlite3';
import { applyCipher } from '../../electron/core/security/database-cipher';
import { testLibraryKey } from './sqlite';
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderSession } from '../fixtures/sessions/render';
import { whisperCliPath } from '../../electron/core/transcribe/engine/binary';
import { runCairn, type CliResult } from './cli';
import { testWhisperModel } from './whisper';
import type { Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { processesRunning } from './process-tree';

/** Environment for a CLI run that uses the real test Whisper model. */
export function pipelineEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { CAIRN_MODELS_DIR: path.dirname(testWhisperModel()), ...extra };
}

/** A generated two-voice session (espeak-ng + sox, cached) of about `seconds`. */
export function twoVoiceRecording(seconds: number, seed: number): string {
  return renderSession({ seconds, speakers: 2, seed }).master;
}

export function processJson(result: CliResult) {
  return JSON.parse(result.stdout) as {
    sessionId: string;
    runId: string;
    status: string;
    alreadyDone: boolean;
    error: string | null;
    metrics: { audioSec: number | null; wallMs: number | null; speedRatio: number | null };
    stages: {
      stage: string;
      status: string;
      attempts: number;
      durationMs: number | null;
      error: string | null;
    }[];
    notes: {
      status: string | null;
      message: string | null;
      mode: 'model' | 'extractive' | null;
      sections: { key: string; status: string; message: string }[];
    };
    note: {
      text: string;
      generation: { mode: string; provider: string; warnings?: string[] };
      content: {
        sections: {
          key: string;
          items: { segmentIds: string[]; supported: boolean; origin: string }[];
        }[];
      };
    } | null;
    riskFlags: { id: string; kind: string; severity: string; segmentIds: string[] }[];
    transcript: { id: string; seq: number; speaker: string | null; text: string }[];
  };
}

export function processRecording(
  file: string,
  dataDir: string,
  args: string[] = [],
  env: Record<string, string> = {},
) {
  return runCairn(['process', file, '--json', ...args], { dataDir, env: pipelineEnv(env) });
}

/** Reads the library's database directly (read-only), as an auditor would. */
export function readLibrary(dataDir: string) {
  const db = new Database(path.join(dataDir, 'cairn.db'), { readonly: true });
  applyCipher(db, testLibraryKey());
  return {
    /** The connection itself, for a query no helper covers. */
    raw: db,
    audit: (runId: string) =>
      db
        .prepare(
          'select action, detail_json as detail from audit_log where entity_id = ? order by id',
        )
        .all(runId) as { action: string; detail: string | null }[],
    segments: (sessionId: string) =>
      db
        .prepare(
          `select s.seq, s.text, sp.label as speaker from transcript_segments s
           left join speakers sp on sp.id = s.speaker_id where s.session_id = ? order by s.seq`,
        )
        .all(sessionId) as { seq: number; text: string; speaker: string | null }[],
    integrity: () =>
      (db.prepare('pragma integrity_check').get() as { integrity_check: string }).integrity_check,
    runs: () =>
      db.prepare('select id, status from pipeline_runs order by created_at').all() as {
        id: string;
        status: string;
      }[],
    stages: (runId: string) =>
      db
        .prepare('select stage, status, attempts from pipeline_stages where run_id = ?')
        .all(runId) as {
        stage: string;
        status: string;
        attempts: number;
      }[],
    close: () => db.close(),
  };
}

/** Per stage, how many times the audit log says it completed (or was skipped) in `runId`. */
export function stageCompletions(
  audit: { action: string; detail: string | null }[],
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of audit) {
    if (entry.action !== 'pipeline.stage.completed' && entry.action !== 'pipeline.stage.skipped')
      continue;
    const stage = (JSON.parse(entry.detail ?? '{}') as { stage: string }).stage;
    counts[stage] = (counts[stage] ?? 0) + 1;
  }
  return counts;
}

/**
 * A whisper-cli wrapper for fault tests: it crashes (SIGSEGV) the first `crashes` times it is
 * started, then runs the real engine. The real engine does all the transcribing.
 */
export function crashingWhisperWrapper(dir: string, crashes: number): string {
  const script = path.join(dir, 'whisper-cli-crashing');
  const counter = path.join(dir, 'whisper-crash-count');
  writeFileSync(counter, '0');
  writeFileSync(
    script,
    `#!/bin/sh
n=$(cat '${counter}')
if [ "$n" -lt ${crashes} ]; then echo $((n + 1)) > '${counter}'; kill -SEGV $$; fi
exec '${whisperCliPath()}' "$@"
`,
  );
  chmodSync(script, 0o755);
  return script;
}

/** Whether the run's transcribe stage runs now with whisper itself (not a short-lived helper). */
export async function isTranscribing(core: Core, runId: string, dataDir: string) {
  const run = await call(core, 'runs.get', { id: runId });
  const stage = run.stages.find((s) => s.stage === 'transcribe');
  return stage?.status === 'running' && processesRunning('whisper', dataDir).length > 0;
}
