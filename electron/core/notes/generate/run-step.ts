import { CancelledError } from '../../errors';
import {
  LlmAnswerError,
  type GenerateResult,
  type JsonSchema,
  type LlmProvider,
} from '../llm/provider';
import type { OutputLimits } from '../templates/note-template';

/**
 * One bounded step of a note (a section, the risk list, one part's facts), asked again smaller
 * when its answer is unusable: first as planned, then with half the items and shorter statements,
 * then once more with a fresh (fixed) seed. Only this step is retried; what earlier steps wrote
 * stands. A step that fails all three is reported, and the note goes on without it.
 */

export interface StepAttempt {
  limits: OutputLimits;
  temperature: number;
  seed?: number;
}

/** Statements of a retry: still a full clinical sentence, but a third of the room of the first. */
const SHORT_STATEMENT_CHARS = 140;

export function attemptsFor(first: OutputLimits): StepAttempt[] {
  const smaller: OutputLimits = {
    maxItems: Math.max(1, Math.ceil(first.maxItems / 2)),
    maxTextLength: Math.min(first.maxTextLength, SHORT_STATEMENT_CHARS),
    maxEvidence: 1,
  };
  return [
    { limits: first, temperature: 0 },
    { limits: smaller, temperature: 0 },
    // Greedy decoding would repeat the second answer exactly: a little temperature, seeded so a
    // re-run of the same session gives the same note.
    { limits: smaller, temperature: 0.4, seed: 7 },
  ];
}

export interface StepPlan {
  schema: JsonSchema;
  maxTokens: number;
}

export interface RunStepRequest<T> {
  provider: LlmProvider;
  system: string;
  prefix?: string;
  ask: string;
  attempts: readonly StepAttempt[];
  /** The schema and the answer's ceiling for an attempt's limits; undefined when it cannot fit. */
  plan: (limits: OutputLimits) => Promise<StepPlan | undefined>;
  /** The answer's usable content, or undefined when it holds nothing usable (counts as a failure). */
  accept: (json: unknown) => T | undefined;
  signal?: AbortSignal;
  onProgress?: (generatedTokens: number, maxTokens: number) => void;
  /** Forces a ceiling (tests): the real one is never below what the answer can take. */
  maxTokensOverride?: (attempt: number, planned: number) => number;
}

export type StepOutcome<T> =
  | { ok: true; value: T; attempts: number; results: GenerateResult[]; problems: string[] }
  | { ok: false; attempts: number; results: GenerateResult[]; problems: string[] };

export async function runStep<T>(request: RunStepRequest<T>): Promise<StepOutcome<T>> {
  const results: GenerateResult[] = [];
  const problems: string[] = [];
  let attempts = 0;
  for (const [i, attempt] of request.attempts.entries()) {
    if (request.signal?.aborted) throw new CancelledError();
    const plan = await request.plan(attempt.limits);
    if (!plan) {
      problems.push('it does not fit the model’s context');
      continue;
    }
    attempts += 1;
    const maxTokens = request.maxTokensOverride?.(i, plan.maxTokens) ?? plan.maxTokens;
    try {
      const result = await request.provider.generate({
        system: request.system,
        prefix: request.prefix,
        prompt: request.ask,
        schema: plan.schema,
        maxTokens,
        temperature: attempt.temperature,
        seed: attempt.seed,
        signal: request.signal,
        onProgress: ({ generatedTokens }) => request.onProgress?.(generatedTokens, maxTokens),
      });
      results.push(result);
      const value = request.accept(result.json);
      if (value !== undefined) return { ok: true, value, attempts, results, problems };
      problems.push('the model wrote nothing usable');
    } catch (error) {
      if (!(error instanceof LlmAnswerError)) throw error;
      problems.push(
        error.reason === 'cut_off' ? 'the answer was cut off' : 'the answer was not valid',
      );
    }
  }
  return { ok: false, attempts, results, problems };
}
