/**
 * The embedded notes provider (llama.cpp through node-llama-cpp) on SmolLM2-135M, 8192 context,
 * every core. Measures the runtime's raw speed — prompt and generation tokens/s, median of three
 * bounded generations on a ~1,500-token transcript slice — and then the wall time of a whole SOAP
 * note for a generated 30-minute session (text only, 150 words/minute), with its mode, parts,
 * tokens and tokens/s, and the note's speed against the session's length (audio s ÷ note wall s)
 * measured side by side. The acceptance: a clinician waits for a note after every
 * session, so how long that takes on a plain CPU decides whether the embedded provider is usable.
 */
import { availableParallelism } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import {
  generateNote,
  type NoteProgress,
  type NoteSegment,
} from '../../electron/core/notes/generate/generate-note';
import { EmbeddedProvider } from '../../electron/core/notes/llm/embedded-provider';
import type { JsonSchema } from '../../electron/core/notes/llm/provider';
import { builtInTemplates } from '../../electron/core/notes/templates/note-template';
import { turns } from '../fixtures/sessions/script';
import { TEST_LLM_MODEL } from '../models/fetch-test-models';
import { median } from './measure';

const MINUTES = 30;
const WORDS_PER_MINUTE = 150;
const SPEED_PROMPT_TOKENS = 1500;
const SPEED_RUNS = 3;
const SPEAKERS = ['Clinician', 'Client'] as const;

const SPEED_SCHEMA: JsonSchema = {
  type: 'object',
  properties: { summary: { type: 'string', maxLength: 400 } },
  required: ['summary'],
  additionalProperties: false,
};

/** Turns of the scripted dialogue until the session holds as many words as 30 minutes of speech. */
function sessionTranscript(seed: number): { segments: NoteSegment[]; words: number } {
  const segments: NoteSegment[] = [];
  let words = 0;
  for (const turn of turns(2, seed)) {
    if (words >= MINUTES * WORDS_PER_MINUTE) break;
    segments.push({
      id: `seg-${segments.length + 1}`,
      speaker: SPEAKERS[turn.speaker] ?? 'Client',
      text: turn.text,
    });
    words += turn.text.split(/\s+/).filter(Boolean).length;
  }
  return { segments, words };
}

const perSecond = (tokens: number, ms: number) => (ms > 0 ? tokens / (ms / 1000) : 0);
const round1 = (value: number) => Math.round(value * 10) / 10;

export async function notesBenchmark() {
  const modelPath = process.env.CAIRN_BENCH_LLM_MODEL ?? TEST_LLM_MODEL;
  const threads = availableParallelism();
  const { segments, words } = sessionTranscript(1);
  const template = builtInTemplates().find((t) => t.id === 'soap');
  if (!template) throw new Error('the SOAP template is missing');
  console.log(
    `generated ${MINUTES}-min session (${WORDS_PER_MINUTE} words/min): ${segments.length} segments, ${words} words`,
  );
  console.log(`model ${modelPath}, context 8192, ${threads} threads`);

  const provider = new EmbeddedProvider({ modelPath, contextSize: 8192, threads });
  try {
    // Raw runtime speed: a transcript slice of about 1,500 tokens, a short bounded answer.
    const system = 'Summarise this part of a therapy session in two or three sentences.';
    const lines: string[] = [];
    let sliceTokens = await provider.countTokens(system);
    for (const segment of segments) {
      if (sliceTokens >= SPEED_PROMPT_TOKENS) break;
      const line = `${segment.speaker}: ${segment.text}`;
      lines.push(line);
      sliceTokens += (await provider.countTokens(line)) + 1;
    }
    const prompt = lines.join('\n');
    const speedRuns: { promptTokens: number; promptTps: number; generationTps: number }[] = [];
    // One untimed run first: the first generation also pays for loading weights into the cache.
    await provider.generate({ system, prompt, schema: SPEED_SCHEMA, maxTokens: 200 });
    for (let run = 1; run <= SPEED_RUNS; run++) {
      const result = await provider.generate({
        system,
        prompt,
        schema: SPEED_SCHEMA,
        maxTokens: 200,
      });
      const figures = {
        promptTokens: result.promptTokens,
        promptTps: perSecond(result.promptTokens, result.promptMs),
        generationTps: perSecond(result.generatedTokens, result.generationMs),
      };
      speedRuns.push(figures);
      console.log(
        `speed run ${run}/${SPEED_RUNS}: ${result.promptTokens} prompt tokens in ${result.promptMs} ms, ` +
          `${result.generatedTokens} generated in ${result.generationMs} ms`,
      );
    }
    const promptTps = median(speedRuns.map((r) => r.promptTps));
    const generationTps = median(speedRuns.map((r) => r.generationTps));

    // The whole note on the 30-minute transcript.
    let lastStep = '';
    const onProgress = (progress: NoteProgress) => {
      const step = `${progress.phase} ${progress.part}/${progress.parts}`;
      if (step === lastStep) return;
      lastStep = step;
      console.log(`note: ${step} (${Math.round(progress.fraction * 100)} %)`);
    };
    // A small model may find nothing to write (notes_nothing_extracted): report that, keep the rest.
    // llama.cpp computes on its own native threads: the event loop (the app's main process, where
    // the UI's requests are answered) must stay free while a note is written.
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const started = performance.now();
    const outcome = await generateNote({ provider, template, segments, onProgress }).then(
      (note) => ({ note, error: undefined }),
      (error: unknown) => ({ note: undefined, error }),
    );
    const wallMs = performance.now() - started;
    loopDelay.disable();
    const loopMs = {
      p99: round1(loopDelay.percentile(99) / 1e6),
      max: round1(loopDelay.max / 1e6),
    };
    const audioSec = MINUTES * 60;
    const generation = outcome.note?.generation;
    const noteTps = generation && {
      prompt: perSecond(generation.promptTokens, generation.promptMs),
      generation: perSecond(generation.generatedTokens, generation.generationMs),
    };
    const failure =
      outcome.error === undefined
        ? undefined
        : ((outcome.error as { code?: string }).code ??
          (outcome.error instanceof Error ? outcome.error.message : 'unknown error'));
    const failed = `— (note failed after ${(wallMs / 1000).toFixed(1)} s: ${failure ?? ''})`;

    const rows = [
      {
        measure: 'session (generated, text only)',
        value: `${MINUTES} min, ${segments.length} segments, ${words} words`,
      },
      {
        measure: `prompt tokens/s (median of ${SPEED_RUNS}, ~${speedRuns[0]?.promptTokens ?? 0} tokens)`,
        value: round1(promptTps),
      },
      { measure: `generation tokens/s (median of ${SPEED_RUNS})`, value: round1(generationTps) },
      {
        measure: 'note wall time (SOAP)',
        value: generation ? `${(wallMs / 1000).toFixed(1)} s` : failed,
      },
      {
        measure: 'note mode, parts',
        value: generation ? `${generation.mode}, ${generation.chunks}` : failed,
      },
      {
        measure: 'note tokens (prompt / generated)',
        value: generation ? `${generation.promptTokens} / ${generation.generatedTokens}` : failed,
      },
      {
        measure: 'note tokens/s (prompt / generation)',
        value: noteTps ? `${round1(noteTps.prompt)} / ${round1(noteTps.generation)}` : failed,
      },
      {
        measure: 'event-loop delay while writing (p99 / max, 10 ms timer)',
        value: `${loopMs.p99} / ${loopMs.max} ms`,
      },
      {
        measure: 'speed (audio s / note wall s)',
        value: generation ? `${(audioSec / (wallMs / 1000)).toFixed(2)}× realtime` : failed,
      },
    ];
    console.table(rows);
    return {
      model: modelPath,
      contextSize: await provider.contextSize(),
      threads,
      session: {
        minutes: MINUTES,
        wordsPerMinute: WORDS_PER_MINUTE,
        segments: segments.length,
        words,
      },
      speed: {
        runs: speedRuns,
        promptTokensPerSec: round1(promptTps),
        generationTokensPerSec: round1(generationTps),
      },
      note: {
        template: template.id,
        wallMs: Math.round(wallMs),
        error: failure ?? null,
        generation: generation ?? null,
        promptTokensPerSec: noteTps ? round1(noteTps.prompt) : null,
        generationTokensPerSec: noteTps ? round1(noteTps.generation) : null,
        realtimeX: generation ? Math.round((audioSec / (wallMs / 1000)) * 100) / 100 : null,
        sections: outcome.note?.content.sections.length ?? null,
        eventLoopDelayMs: loopMs,
      },
      rows,
    };
  } finally {
    await provider.close();
  }
}
