import { runStep, type StepAttempt } from '../../notes/generate/run-step';
import type { JsonSchema, LlmProvider } from '../../notes/llm/provider';
import type { FollowUpValues } from './gather';

/**
 * A follow-up's body written by a notes model from the template's variable values alone (it
 * never sees the note). A small model writes poorly, so its body is used only when it greets the
 * client by name, keeps the homework and the next appointment, and leaves no placeholder; anything
 * else leaves the template's own text, with the reason.
 */

/** A short message: a few sentences (and a bounded answer always ends, even from a weak model). */
const BODY_CHARS = 360;
const TURN_MARGIN_TOKENS = 64;

const SYSTEM = [
  'You write a short, warm message from a therapist to their client after a session.',
  'Use only the facts given. Do not mention diagnoses, symptoms, risk or medication.',
  'Greet the client by first name, list the homework, give the next appointment, and sign with the therapist’s name.',
].join(' ');

const SCHEMA: JsonSchema = {
  type: 'object',
  // No length bounds in the schema: a long bounded string makes the runtime's grammar slow; the
  // token ceiling bounds the answer and acceptBody() its length.
  properties: { body: { type: 'string' } },
  required: ['body'],
};

/** Greedy first, then once more with a little (seeded) temperature: a body, or the template's. */
const LIMITS = { maxItems: 1, maxTextLength: BODY_CHARS, maxEvidence: 1 };
const ATTEMPTS: StepAttempt[] = [
  { limits: LIMITS, temperature: 0 },
  { limits: LIMITS, temperature: 0.4, seed: 7 },
];

const normal = (text: string) => text.toLowerCase().replace(/\s+/g, ' ');

/** The model's body when it keeps what the message must carry; else undefined. */
export function acceptBody(json: unknown, gathered: FollowUpValues): string | undefined {
  const body = (json as { body?: unknown }).body;
  if (typeof body !== 'string') return undefined;
  const text = body.trim();
  if (text.length < 40 || text.length > BODY_CHARS * 1.5 || /\{\{|\}\}|\[[a-z .]+\]/i.test(text))
    return undefined;
  const must = [
    gathered.values['client.firstName'],
    gathered.hasNextSession ? gathered.values['nextSession.date'] : undefined,
    // The homework's first words: the model may rephrase the rest.
    gathered.hasHomework
      ? gathered.values.homework
          ?.split('\n')[0]
          ?.replace(/^- /, '')
          .split(' ')
          .slice(0, 3)
          .join(' ')
      : undefined,
  ].filter((v): v is string => Boolean(v));
  return must.every((m) => normal(text).includes(normal(m))) ? text : undefined;
}

export async function draftBodyWithModel(
  provider: LlmProvider,
  gathered: FollowUpValues,
  options: { signal?: AbortSignal; onProgress?: (generated: number, max: number) => void } = {},
): Promise<{ body: string } | { problems: string[] }> {
  const facts = Object.entries(gathered.values)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
  const ask = `Facts:\n${facts}\n\nWrite the message now.`;
  const contextSize = await provider.contextSize();
  const promptTokens = await provider.countTokens(`${SYSTEM}\n${ask}`);
  const maxTokens = Math.ceil(BODY_CHARS / 3) + 24;
  const outcome = await runStep({
    provider,
    system: SYSTEM,
    ask,
    attempts: ATTEMPTS,
    plan: () =>
      Promise.resolve(
        promptTokens + maxTokens + TURN_MARGIN_TOKENS <= contextSize
          ? { schema: SCHEMA, maxTokens }
          : undefined,
      ),
    accept: (json) => acceptBody(json, gathered),
    signal: options.signal,
    onProgress: options.onProgress,
  });
  return outcome.ok ? { body: outcome.value } : { problems: [...new Set(outcome.problems)] };
}
