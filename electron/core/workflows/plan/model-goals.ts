import { randomUUID } from 'node:crypto';
import type { PlanCitation, PlanGoal } from '../../../../shared/api/plan-schemas';
import { attemptsFor, runStep } from '../../notes/generate/run-step';
import type { JsonSchema, LlmProvider } from '../../notes/llm/provider';
import { matchVocabulary } from '../../sync/abstract/match-vocabulary';
import { supportFor } from '../brief/model-summary';
import type { SessionExtract } from './extract';
import type { ProposedChange } from './propose';
import { smartGoalOf } from './smart';

/**
 * Goals a notes model reads in a session whose note states none ("Goal: …" is what the rules
 * read, and clinicians often write goals in other words). The model writes only the goal and the
 * statements it rests on; its five SMART parts are then made by the same rules as any goal (parts
 * the session does not give are Cairn's labelled defaults, to confirm), so a weak model can add a
 * goal's words but never invent a target or a date. Each is a proposal labelled as the model's.
 */

const MAX_STATEMENTS = 40;
const STATEMENT_CHARS = 220;
const GOAL_CHARS = 160;
const TURN_MARGIN_TOKENS = 64;

const SYSTEM = [
  'You help a therapist write treatment goals.',
  'Read the numbered statements from the therapist’s signed note of one session.',
  'Write the goals the client is working towards, each as one short sentence,',
  'and give the numbers of the statements each goal comes from.',
].join(' ');
const ASK = 'Write the goals now, each with the numbers of its statements.';

function schemaFor(maxItems: number, statements: number): JsonSchema {
  return {
    type: 'object',
    properties: {
      goals: {
        type: 'array',
        minItems: 1,
        maxItems,
        items: {
          type: 'object',
          properties: {
            goal: { type: 'string', minLength: 15, maxLength: GOAL_CHARS },
            statements: {
              type: 'array',
              minItems: 1,
              maxItems: 3,
              items: { type: 'integer', minimum: 1, maximum: statements },
            },
          },
          required: ['goal', 'statements'],
        },
      },
    },
    required: ['goals'],
  };
}

const normal = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Goals the clinician can weigh: the model's words, held by the statements they cite. */
export function acceptGoals(
  json: unknown,
  statements: readonly PlanCitation[],
  known: readonly string[],
): { text: string; evidence: PlanCitation[] }[] {
  const goals = (json as { goals?: unknown }).goals;
  if (!Array.isArray(goals)) return [];
  const seen = new Set(known.map(normal));
  const out: { text: string; evidence: PlanCitation[] }[] = [];
  for (const goal of goals as { goal?: unknown; statements?: unknown }[]) {
    const text = (typeof goal.goal === 'string' ? goal.goal : '')
      .replace(/\s+/g, ' ')
      .replace(/^\d+\.\s*/, '')
      .replace(/[.\s]+$/, '')
      .trim();
    if (text.split(' ').length < 4 || seen.has(normal(text))) continue;
    if (/\b(?:numbered statements|the numbers of)\b/i.test(text)) continue;
    const numbers = Array.isArray(goal.statements) ? (goal.statements as unknown[]) : [];
    const cited = numbers.flatMap((n) => {
      const statement = typeof n === 'number' ? statements[n - 1] : undefined;
      return statement ? [statement] : [];
    });
    const evidence = supportFor(text, cited, statements);
    if (evidence.length === 0) continue;
    seen.add(normal(text));
    out.push({ text, evidence });
  }
  return out;
}

export async function proposeGoalsWithModel(
  provider: LlmProvider,
  extract: SessionExtract,
  known: readonly string[],
  options: {
    signal?: AbortSignal;
    onProgress?: (generatedTokens: number, maxTokens: number) => void;
  } = {},
): Promise<{ proposals: ProposedChange[]; problems: string[] }> {
  const statements = extract.statements.slice(0, MAX_STATEMENTS);
  if (statements.length === 0) return { proposals: [], problems: ['the note has no statements'] };
  const listing = statements
    .map((s, i) => `${i + 1}. ${s.text.slice(0, STATEMENT_CHARS)}`)
    .join('\n');
  const prompt = `Statements:\n${listing}\n\n${ASK}`;
  const contextSize = await provider.contextSize();
  const promptTokens = await provider.countTokens(`${SYSTEM}\n${prompt}`);
  const outcome = await runStep({
    provider,
    system: SYSTEM,
    ask: prompt,
    attempts: attemptsFor({ maxItems: 2, maxTextLength: GOAL_CHARS, maxEvidence: 3 }),
    plan: (limits) => {
      const maxTokens = limits.maxItems * (Math.ceil(GOAL_CHARS / 3) + 24) + 24;
      return Promise.resolve(
        promptTokens + maxTokens + TURN_MARGIN_TOKENS <= contextSize
          ? { schema: schemaFor(limits.maxItems, statements.length), maxTokens }
          : undefined,
      );
    },
    accept: (json) => {
      const goals = acceptGoals(json, statements, known);
      return goals.length > 0 ? goals : undefined;
    },
    signal: options.signal,
    onProgress: options.onProgress,
  });
  if (!outcome.ok) return { proposals: [], problems: [...new Set(outcome.problems)] };
  const proposals = outcome.value.map(({ text, evidence }): ProposedChange => {
    const themes = matchVocabulary([text, ...evidence.map((e) => e.text)]).themes;
    const draft = smartGoalOf(text, extract.date, undefined, themes);
    const goal: PlanGoal = {
      id: randomUUID(),
      ...draft,
      status: 'not_started',
      setOn: extract.date,
      updatedOn: extract.date,
    };
    return {
      id: randomUUID(),
      change: { kind: 'add_goal', goal },
      summary: `New goal (written by the notes model ${provider.model}): ${draft.statement}.`,
      evidence,
      mode: 'model',
    };
  });
  return { proposals, problems: [...new Set(outcome.problems)] };
}
