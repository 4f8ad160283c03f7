import { Option, type Command } from 'commander';
import path from 'node:path';
import type {
  RunOptions,
  RunProgress,
  RiskFlag,
  RunSummary,
  TranscriptLine,
} from '../../../../shared/api/schemas';
import { PIPELINE_STAGES, SESSION_KINDS, type SessionKind } from '../../../../shared/domain/enums';
import type { Note } from '../../../../shared/api/note-schemas';
import type { Core } from '../../app/core';
import { checkFile } from '../../audio/intake/validate-recording';
import { renderExtractiveLabel } from '../../notes/extractive/label';
import { CancelledError, fromApiError } from '../../errors';
import { call } from '../call';
import { withInterruptSignal } from '../interrupt';
import type { CommandContext } from '../main';
import { clock, progressReporter } from '../progress-line';
import { sessionNote } from './notes';
import { describeRun, parseSpeakers } from './run-format';

interface ProcessCliOptions {
  client?: string;
  date?: string;
  kind?: SessionKind;
  template?: string;
  model?: string;
  language?: string;
  speakers?: number | 'auto';
  force?: boolean;
  startFrom?: RunOptions['startFrom'];
  skipNotes?: boolean;
  acceptTruncated?: boolean;
  json?: boolean;
}

export function registerProcessCommand(program: Command, context: CommandContext): void {
  program
    .command('process')
    .description('import a recording and run the whole pipeline on it; prints the result')
    .argument(
      '<file>',
      'the recording (imported first if it is new; the original is never changed)',
    )
    .option('--client <name>', 'the client this session belongs to (created if new)')
    .option('--date <YYYY-MM-DD>', 'the day of the session (default: today)')
    .addOption(
      new Option('--kind <kind>', 'kind of session (individual: 2 speakers)').choices(
        SESSION_KINDS,
      ),
    )
    .option('--template <name>', 'note template')
    .option('--model <name|path>', 'Whisper model (default: the transcriptionModel setting, base)')
    .option(
      '--language <code>',
      'spoken language (default: the transcriptionLanguage setting, auto)',
    )
    .option(
      '--speakers <n|auto>',
      'number of speakers (default: from the session kind)',
      parseSpeakers,
    )
    .option('--force', 're-run stages that already completed')
    .addOption(
      new Option('--start-from <stage>', 'start at this stage, reusing earlier outputs').choices(
        PIPELINE_STAGES,
      ),
    )
    .option('--skip-notes', 'stop at the transcript')
    .option('--accept-truncated', 'keep a recording that stops before its header says it should')
    .option('--json', 'print machine-readable JSON (session id, stage timings, note, transcript)')
    .action(async (file: string, options: ProcessCliOptions) => {
      await checkFile(path.resolve(file), Number.POSITIVE_INFINITY);
      await context.withCore((core) =>
        withInterruptSignal(async (signal) => {
          const imported = await call(core, 'recordings.import', {
            path: file,
            clientName: options.client,
            date: options.date,
            kind: options.kind,
            acceptTruncated: options.acceptTruncated,
          });
          const runOptions: RunOptions = {
            template: options.template,
            model: options.model,
            language: options.language,
            speakers: options.speakers,
            force: options.force,
            startFrom: options.startFrom,
            skipNotes: options.skipNotes,
          };
          const queued = await call(core, 'pipeline.process', {
            sessionId: imported.sessionId,
            options: runOptions,
            waiting: true,
          });
          const run = await follow(core, queued.runId, signal, !options.json);
          const transcript = await call(core, 'sessions.transcript', { id: imported.sessionId });
          const note = await sessionNote(core, imported.sessionId, options.template);
          const riskFlags = await call(core, 'riskFlags.list', { sessionId: imported.sessionId });
          report(
            context,
            {
              sessionId: imported.sessionId,
              alreadyDone: queued.alreadyDone,
              run,
              transcript,
              note,
              riskFlags,
            },
            options.json,
          );
          if (run.status === 'failed' && run.errorCategory) {
            throw fromApiError({
              category: run.errorCategory,
              code: 'run_failed',
              message: run.errorMessage ?? 'The run failed.',
            });
          }
          if (run.status === 'cancelled') throw new CancelledError();
        }),
      );
    });
}

/** Waits for the run (run here, or by another process), showing its progress; Ctrl-C cancels it. */
export async function follow(
  core: Core,
  runId: string,
  signal: AbortSignal,
  show: boolean,
): Promise<RunSummary> {
  const progress = progressReporter();
  const unsubscribe = core.events.subscribe((message) => {
    if (!show || message.name !== 'runs.progress') return;
    const payload = message.payload as RunProgress;
    if (payload.runId === runId) progress.update(payload);
  });
  const onAbort = () => void call(core, 'runs.cancel', { id: runId }).catch(() => undefined);
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    await core.pipeline.settled(runId, (row) => {
      // A run another process executes: its progress comes from the database.
      if (show && row.owner !== core.pipeline.owner && row.status === 'running')
        progress.update({
          stage: null,
          percent: row.progress,
          message: row.currentStage ?? 'waiting',
          etaSec: null,
        });
    });
  } finally {
    progress.done();
    signal.removeEventListener('abort', onAbort);
    unsubscribe();
  }
  return call(core, 'runs.get', { id: runId });
}

/**
 * Follows a workflow run to its end and returns it completed: a cancelled run becomes exit 130,
 * a failed one the run's own message (or `fallback`), as every between-session command needs.
 */
export async function followToCompletion(
  core: Core,
  runId: string,
  signal: AbortSignal,
  show: boolean,
  fallback: string,
): Promise<RunSummary> {
  const run = await follow(core, runId, signal, show);
  if (run.status === 'cancelled') throw new CancelledError();
  if (run.status === 'failed')
    throw fromApiError({
      category: run.errorCategory ?? 'permanent',
      code: 'run_failed',
      message: run.errorMessage ?? fallback,
    });
  return run;
}

function report(
  context: CommandContext,
  result: {
    sessionId: string;
    alreadyDone: boolean;
    run: RunSummary;
    transcript: TranscriptLine[];
    note: Note | null;
    riskFlags: RiskFlag[];
  },
  json?: boolean,
): void {
  const { run, transcript } = result;
  const notes = run.stages.find((s) => s.stage === 'notes');
  const notesMessage = notesReason(notes?.status, run);
  if (json) {
    context.io.out(
      JSON.stringify({
        sessionId: result.sessionId,
        runId: run.id,
        status: run.status,
        alreadyDone: result.alreadyDone,
        error: run.errorMessage,
        metrics: { audioSec: run.audioSec, wallMs: run.wallMs, speedRatio: run.speedRatio },
        stages: run.stages.map((s) => ({
          stage: s.stage,
          status: s.status,
          durationMs: s.durationMs,
          engineMs: s.engineMs,
          attempts: s.attempts,
          error: s.errorMessage,
        })),
        note: result.note?.ai
          ? {
              id: result.note.id,
              template: result.note.templateId,
              text: result.note.ai.text,
              content: result.note.ai.content,
              generation: result.note.ai.generation,
            }
          : null,
        notes: notesSummary(notes?.status, notesMessage, result.note),
        // The scanner's flags exist before notes run, so they are here whatever notes did.
        riskFlags: result.riskFlags.map((flag) => ({
          id: flag.id,
          kind: flag.kind,
          severity: flag.severity,
          acknowledged: flag.acknowledgedAt !== null,
          segmentIds: flag.segmentIds,
          quotes: flag.quotes,
        })),
        transcript,
      }),
    );
    return;
  }
  if (run.status === 'failed') {
    context.io.err(describeRun(run));
    return;
  }
  for (const line of transcript)
    context.io.out(`[${clock(line.start)}] ${line.speaker ?? 'Unknown'}: ${line.text}`);
  context.io.out('');
  if (result.note?.ai) {
    if (result.note.ai.generation.mode === 'extractive')
      context.io.out(`${renderExtractiveLabel()}\n`);
    context.io.out(result.note.ai.text);
    for (const warning of result.note.ai.generation.warnings ?? [])
      context.io.out(`Note: ${warning}`);
  }
  if (notesMessage) context.io.out(`Note: ${notesMessage}`);
  context.io.out(
    `Session ${result.sessionId} · run ${run.id} ${run.status}${result.alreadyDone ? ' (already processed; --force to run again)' : ''}` +
      (run.speedRatio ? ` · ${run.speedRatio.toFixed(1)}× realtime` : ''),
  );
}

function notesReason(status: string | undefined, run: RunSummary): string | null {
  if (status !== 'skipped' && status !== 'failed') return null;
  const row = run.stages.find((s) => s.stage === 'notes');
  return row?.errorMessage ?? row?.skipReason ?? 'Notes were skipped.';
}

/** What notes did, for --json: the stage, and for a written draft how and section by section. */
function notesSummary(status: string | undefined, message: string | null, note: Note | null) {
  const generation = note?.ai?.generation;
  return {
    status: status ?? null,
    message: message ?? (generation?.warnings?.length ? generation.warnings.join(' ') : null),
    mode: generation ? (generation.mode === 'extractive' ? 'extractive' : 'model') : null,
    sections:
      generation?.sections?.map((s) => ({ key: s.key, status: s.status, message: s.message })) ??
      note?.ai?.content.sections.map((s) => ({ key: s.key, status: 'drafted', message: '' })) ??
      [],
  };
}
