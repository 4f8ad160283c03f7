import { readSetting } from '../../config/settings';
import { diarizeWav } from '../../diarize/diarize';
import { speakerCountFor } from '../../diarize/speaker-count';
import type { DiarizationEngine, SpeakerTurn } from '../../diarize/types';
import { CairnError, ValidationError } from '../../errors';
import { replaceTranscript } from '../../store/repositories/transcript';
import { resolveModel } from '../../transcribe/models/model-store';
import { transcribeWav } from '../../transcribe/transcribe';
import type { Transcript } from '../../transcribe/types';
import type { StageContext, StageDefinition } from '../stage-definition';
import { preparedIsSilent, withPreparedWav } from './audio-stages';

export interface TranscribeSummary {
  segments: number;
  words: number;
  language: string;
  model: string;
}

export interface DiarizeOutput {
  engine: DiarizationEngine | 'none';
  speakers: number;
  /** In seconds of the original recording. */
  turns: SpeakerTurn[];
}

/**
 * The Whisper model and language of a run: what the run asked for (a CLI flag), else Settings.
 * Read when the stage runs, so a run queued before a Settings change uses the new choice.
 */
export function transcriptionChoice(context: Pick<StageContext, 'db' | 'options'>): {
  model: string;
  language: string;
} {
  return {
    model: context.options.model ?? readSetting(context.db, 'transcriptionModel'),
    language: context.options.language ?? readSetting(context.db, 'transcriptionLanguage'),
  };
}

/**
 * Checked before a run's first stage when its transcribe stage is still to run: a missing or
 * unusable Whisper model would otherwise be found only after validation and preprocessing
 * (minutes on a long recording). A ValidationError rather than the engine's PermanentError: it is
 * the setup the user must fix, not something that failed (the CLI exits 2), and the message says
 * how, from the terminal and in the app.
 */
export async function requireTranscriptionModel(
  context: Pick<StageContext, 'db' | 'options' | 'modelsDir'>,
): Promise<void> {
  const { model } = transcriptionChoice(context);
  try {
    await resolveModel(context.modelsDir, model);
  } catch (error) {
    if (!(error instanceof CairnError)) throw error;
    throw new ValidationError(
      error.code,
      `${error.userMessage} In the app: Settings → Transcription → Whisper models.`,
      { cause: error },
    );
  }
}

/** whisper.cpp on the prepared audio; its segments replace the session's transcript. */
export const transcribeStage: StageDefinition<Transcript> = {
  name: 'transcribe',
  consumes: ['preprocess'],
  engine: 'whisper',
  onFailure: 'fail-run',
  execute: async (context) => {
    if (preparedIsSilent(context)) return { language: 'none', model: 'none', segments: [] };
    return withPreparedWav(context, (prepared) =>
      transcribeWav(
        prepared.wav,
        {
          ...transcriptionChoice(context),
          offsetSec: prepared.offsetSec,
          // Whisper's JSON holds the transcript: it stays in the private workspace too.
          tempDir: prepared.workspaceDir,
          signal: context.signal,
          onProgress: (percent) => context.progress(percent),
        },
        { modelsDir: context.modelsDir, resourcesDir: context.resourcesDir },
      ),
    );
  },
  commit: (tx, context, transcript) =>
    replaceTranscript(tx, context.sessionId, transcript.segments),
  summary: (transcript): TranscribeSummary => ({
    segments: transcript.segments.length,
    words: transcript.segments.reduce((sum, s) => sum + s.words.length, 0),
    language: transcript.language,
    model: transcript.model,
  }),
};

/**
 * Who spoke when, in a child process, at the same time as transcription. Its turns are small and
 * kept on the stage row. If it fails the run goes on: the merge gives every word "Unknown".
 */
export const diarizeStage: StageDefinition<DiarizeOutput> = {
  name: 'diarize',
  consumes: ['preprocess'],
  engine: 'diarizer',
  onFailure: 'continue',
  execute: async (context) => {
    if (preparedIsSilent(context)) return { engine: 'none', speakers: 0, turns: [] };
    const { result, prepared } = await withPreparedWav(context, async (prepared) => ({
      prepared,
      result: await diarizeWav(
        prepared.wav,
        // Beside transcription, diarization yields the CPU: together they take about as long as
        // transcription alone (measured by npm run bench -- pipeline).
        { ...speakerCountFor(context.sessionKind, context.options.speakers), background: true },
        { signal: context.signal, onProgress: (percent) => context.progress(percent) },
      ),
    }));
    const turns = result.turns.map((t) => ({
      ...t,
      start: t.start + prepared.offsetSec,
      end: t.end + prepared.offsetSec,
    }));
    return { engine: result.engine, speakers: new Set(turns.map((t) => t.speaker)).size, turns };
  },
  summary: (output) => output,
};
