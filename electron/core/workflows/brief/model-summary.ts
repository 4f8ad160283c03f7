import type { BriefCitation, BriefQuestion } from '../../../../shared/api/brief-schemas';
import type { JsonSchema, LlmProvider } from '../../notes/llm/provider';
import { attemptsFor, runStep } from '../../notes/generate/run-step';
import type { ClientHistory } from './history';

/**
 * "Where things stand", written by the notes model over the rules' brief: a few sentences, each
 * naming the numbered statements of signed notes it rests on. The rules stay the floor: a point
 * that cites nothing real, repeats the instructions or is empty is dropped, and when none is left
 * (or there is no model) the brief is the rules' alone and says so.
 */

/** The latest sessions are what a clinician re-reads before the next one. */
const RECENT_SESSIONS = 3;
/** A small model's context fills fast; the newest statements are kept. */
const MAX_STATEMENTS = 40;
const STATEMENT_CHARS = 220;
const POINT_CHARS = 200;
/** Room the chat template and the turn markers take beyond the text itself. */
const TURN_MARGIN_TOKENS = 64;

const SYSTEM = [
  'You help a therapist get ready for the next session with a client.',
  'Read the numbered statements from the therapist’s signed notes.',
  'Write short sentences on where the client is now and what has changed.',
  'Use only what the statements say. Give the numbers of the statements each sentence rests on.',
].join(' ');

const ASK = 'Write the sentences now, each with the numbers of its statements.';

export interface ModelSummary {
  points: BriefQuestion[];
  /** Why the model's points are missing or fewer than asked, in words; empty when all went well. */
  problems: string[];
  model: string;
}

/** The statements the model may read: the recent sessions' signed statements, numbered from 1. */
export function numberedStatements(history: ClientHistory): BriefCitation[] {
  const dates = [...new Set(history.notes.map((n) => n.date))].slice(-RECENT_SESSIONS);
  const out: BriefCitation[] = [];
  for (const note of history.notes) {
    if (!dates.includes(note.date)) continue;
    for (const section of note.content.sections)
      section.items.forEach((item, index) => {
        const text = item.text.trim();
        if (text)
          out.push({
            sessionId: note.sessionId,
            date: note.date,
            noteId: note.noteId,
            sectionKey: section.key,
            sectionTitle: section.title,
            item: index,
            text,
          });
      });
  }
  return out.slice(-MAX_STATEMENTS);
}

function schemaFor(maxItems: number, maxChars: number, statements: number): JsonSchema {
  return {
    type: 'object',
    properties: {
      points: {
        type: 'array',
        // At least one: a small model otherwise answers with an empty list every time.
        minItems: 1,
        maxItems,
        items: {
          type: 'object',
          properties: {
            text: { type: 'string', minLength: 20, maxLength: maxChars },
            statements: {
              type: 'array',
              minItems: 1,
              maxItems: 3,
              items: { type: 'integer', minimum: 1, maximum: statements },
            },
          },
          required: ['text', 'statements'],
        },
      },
    },
    required: ['points'],
  };
}

/** Five-word runs of a text, lower case: what an echo of the instructions shares with them. */
function wordRuns(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z’']+/g) ?? [];
  const runs = new Set<string>();
  for (let i = 0; i + 5 <= words.length; i += 1) runs.add(words.slice(i, i + 5).join(' '));
  return runs;
}

const INSTRUCTION_RUNS = wordRuns(`${SYSTEM} ${ASK}`);

/** Words that carry content: four letters or more, lower case. */
function contentWords(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[a-z]{4,}/g) ?? []).filter((w) => !COMMON.has(w)));
}
const COMMON = new Set(
  'about after also been client clinician from have more said session since that their them then there they this were what when will with would your'.split(
    ' ',
  ),
);

/** The share of a point's content words a statement holds. */
function share(point: Set<string>, statement: BriefCitation): number {
  if (point.size === 0) return 0;
  const words = contentWords(statement.text);
  return [...point].filter((w) => words.has(w)).length / point.size;
}

/** Cited statements must hold a good part of what the point says. */
const MIN_CITED_SHARE = 0.3;
/** A point none of whose citations holds it may be re-cited to the statement that plainly does. */
const MIN_RECITED_SHARE = 0.6;

/**
 * The statements a point rests on: those it cites that hold a fair share of its words; if none
 * does (a small model often cites the wrong number), the one statement holding most of them.
 * Empty when nothing signed supports it: the point is then dropped, not shown uncited.
 */
export function supportFor(
  text: string,
  cited: readonly BriefCitation[],
  statements: readonly BriefCitation[],
): BriefCitation[] {
  const words = contentWords(text);
  const held = cited.filter((c) => share(words, c) >= MIN_CITED_SHARE);
  if (held.length > 0) return held;
  let best: BriefCitation | undefined;
  let bestShare = MIN_RECITED_SHARE;
  for (const statement of statements) {
    const value = share(words, statement);
    if (value >= bestShare) [best, bestShare] = [statement, value];
  }
  return best ? [best] : [];
}

/**
 * Points the clinician can use: words of their own (not the prompt's), resting on signed
 * statements that hold what they say. A leading "1." a model copies from the list is dropped.
 */
export function acceptPoints(json: unknown, statements: readonly BriefCitation[]): BriefQuestion[] {
  const points = (json as { points?: unknown }).points;
  if (!Array.isArray(points)) return [];
  const accepted: BriefQuestion[] = [];
  const seen = new Set<string>();
  for (const point of points as { text?: unknown; statements?: unknown }[]) {
    const raw = typeof point.text === 'string' ? point.text : '';
    const text = raw
      .replace(/\s+/g, ' ')
      .replace(/^\d+\.\s*/, '')
      .trim();
    if (text.split(' ').length < 3 || seen.has(text.toLowerCase())) continue;
    if ([...wordRuns(text)].some((run) => INSTRUCTION_RUNS.has(run))) continue;
    const numbers = Array.isArray(point.statements) ? (point.statements as unknown[]) : [];
    const cited = [...new Set(numbers.filter((n): n is number => Number.isInteger(n)))].flatMap(
      (n) => {
        const statement = statements[n - 1];
        return statement ? [statement] : [];
      },
    );
    const citations = supportFor(text, cited, statements);
    if (citations.length === 0) continue;
    seen.add(text.toLowerCase());
    accepted.push({ text, citations });
  }
  return accepted;
}

export async function summariseWithModel(
  provider: LlmProvider,
  history: ClientHistory,
  options: {
    signal?: AbortSignal;
    onProgress?: (generatedTokens: number, maxTokens: number) => void;
  } = {},
): Promise<ModelSummary> {
  const statements = numberedStatements(history);
  if (statements.length === 0)
    return {
      points: [],
      problems: ['there are no signed statements to read'],
      model: provider.model,
    };
  const listing = statements
    // Numbers and words only: a small model copies a "(date, section)" label as its answer.
    .map((s, i) => `${i + 1}. ${s.text.slice(0, STATEMENT_CHARS)}`)
    .join('\n');
  const prompt = `Statements:\n${listing}\n\n${ASK}`;
  const contextSize = await provider.contextSize();
  const promptTokens = await provider.countTokens(`${SYSTEM}\n${prompt}`);
  const outcome = await runStep({
    provider,
    system: SYSTEM,
    ask: prompt,
    attempts: attemptsFor({ maxItems: 3, maxTextLength: POINT_CHARS, maxEvidence: 3 }),
    plan: (limits) => {
      // A point is its text (about a token per 4 characters) and a few numbers.
      const maxTokens = limits.maxItems * (Math.ceil(limits.maxTextLength / 3) + 24) + 24;
      const fits = promptTokens + maxTokens + TURN_MARGIN_TOKENS <= contextSize;
      return Promise.resolve(
        fits
          ? {
              schema: schemaFor(limits.maxItems, limits.maxTextLength, statements.length),
              maxTokens,
            }
          : undefined,
      );
    },
    accept: (json) => {
      const points = acceptPoints(json, statements);
      return points.length > 0 ? points : undefined;
    },
    signal: options.signal,
    onProgress: options.onProgress,
  });
  return outcome.ok
    ? { points: outcome.value, problems: outcome.problems, model: provider.model }
    : { points: [], problems: outcome.problems, model: provider.model };
}
