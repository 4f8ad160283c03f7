import type { SectionDraft } from '../../../../shared/api/note-schemas';
import type { GenerateResult, LlmProvider } from '../llm/provider';
import type { NoteTemplate, OutputLimits } from '../templates/note-template';
import { firstLimits, MAX_RISK_CONCERNS, riskSchema, sectionSchema } from './output-schemas';
import { riskAsk, sectionAsk } from './prompts';
import { attemptsFor, runStep, type StepPlan } from './run-step';
import { riskItemTokens, sectionAnswerTokens, TURN_MARGIN_TOKENS } from './step-budget';

/**
 * A note's sections written one step each over one shared prefix (the transcript, or the facts
 * of a long session): the system prompt and the prefix are the same bytes in every step, so the
 * runtime evaluates them once and each step pays only for its own ask and answer. A section the
 * model cannot write after its retries is marked not drafted; the others stand.
 */

export interface SectionStepsRequest {
  provider: LlmProvider;
  template: NoteTemplate;
  /** Keys to write, in template order. */
  keys: readonly string[];
  system: string;
  prefix: string;
  /** Tokens of system and prefix together (counted once by the caller). */
  prefixTokens: number;
  contextSize: number;
  /** What a statement may cite: sentences of the prefix, with references. */
  evidence: readonly string[];
  evidenceTokens: number;
  /** Also ask for the risk list (direct notes). */
  withRisk: boolean;
  signal?: AbortSignal;
  onStep?: (done: number, total: number, generatedTokens: number, maxTokens: number) => void;
  maxTokensOverride?: (step: string, attempt: number, planned: number) => number;
  /** What the clinician's examples add to a section's ask ('' for none); see notes/voice. */
  voiceAsk?: (key: string) => string;
  /** The longest statement the clinician signs in a section (null: no bound); see notes/voice. */
  voiceStatementChars?: (key: string) => number | null;
}

export interface SectionStepsResult {
  /** Raw answers by section key (and `risk_concerns`), schema-shaped. */
  json: Record<string, unknown>;
  sections: SectionDraft[];
  results: GenerateResult[];
  warnings: string[];
}

type Items = { text: string }[];

export async function writeSections(request: SectionStepsRequest): Promise<SectionStepsResult> {
  const { provider, template, contextSize } = request;
  const json: Record<string, unknown> = {};
  const sections: SectionDraft[] = [];
  const results: GenerateResult[] = [];
  const warnings: string[] = [];
  const total = request.keys.length + (request.withRisk ? 1 : 0);
  const room = async (ask: string) =>
    contextSize - request.prefixTokens - (await provider.countTokens(ask)) - TURN_MARGIN_TOKENS;

  for (const [i, key] of request.keys.entries()) {
    const section = template.sections.find((s) => s.key === key);
    if (!section) continue;
    // The clinician's examples help only if they leave room for a two-statement answer.
    const plain = sectionAsk(section);
    const voiced = plain + (request.voiceAsk?.(key) ?? '');
    const roomVoiced = voiced === plain ? 0 : await room(voiced);
    const twoItems = { ...firstLimits(contextSize), maxItems: 2 };
    const fits =
      voiced !== plain &&
      roomVoiced >=
        (await sectionAnswerTokens(provider, section, twoItems, request.evidenceTokens));
    const ask = fits ? voiced : plain;
    const available = fits ? roomVoiced : await room(plain);
    const voiceChars = request.voiceStatementChars?.(key) ?? Infinity;
    const plan = async (limits: OutputLimits): Promise<StepPlan | undefined> => {
      // As many statements as fit the room left, down to one.
      for (let items = limits.maxItems; items >= 1; items -= 1) {
        const maxTextLength = Math.min(limits.maxTextLength, voiceChars);
        const sized = { ...limits, maxItems: items, maxTextLength };
        const maxTokens = await sectionAnswerTokens(
          provider,
          section,
          sized,
          request.evidenceTokens,
        );
        if (maxTokens <= available)
          return { schema: sectionSchema(template, key, request.evidence, sized), maxTokens };
      }
      return undefined;
    };
    const outcome = await runStep<Items>({
      provider,
      system: request.system,
      prefix: request.prefix,
      ask,
      attempts: attemptsFor(firstLimits(contextSize)),
      plan,
      accept: (answer) => {
        const items = ((answer as Record<string, unknown>)[key] ?? []) as Items;
        const written = items.filter((item) => item.text.trim().length > 0);
        // An optional section may rightly be empty; a required one the grammar keeps non-empty.
        return written.length > 0 || !section.required ? items : undefined;
      },
      signal: request.signal,
      onProgress: (generated, maxTokens) => request.onStep?.(i, total, generated, maxTokens),
      maxTokensOverride:
        request.maxTokensOverride &&
        ((attempt, planned) => request.maxTokensOverride?.(key, attempt, planned) ?? planned),
    });
    results.push(...outcome.results);
    if (outcome.ok) {
      json[key] = outcome.value;
      sections.push({
        key,
        status: 'drafted',
        attempts: outcome.attempts,
        message:
          outcome.attempts > 1
            ? `Drafted at attempt ${outcome.attempts} (${outcome.problems.join('; ')}).`
            : '',
      });
    } else {
      json[key] = [];
      const message = `${section.title} could not be drafted — write it yourself (${outcome.problems.join('; ')}).`;
      sections.push({ key, status: 'not_drafted', attempts: outcome.attempts, message });
      warnings.push(message);
    }
  }

  if (request.withRisk) {
    const ask = riskAsk();
    const available = await room(ask);
    const itemTokens = await riskItemTokens(provider, request.evidenceTokens);
    const outcome = await runStep<unknown[]>({
      provider,
      system: request.system,
      prefix: request.prefix,
      ask,
      // The list is short and fixed in shape; a retry changes only the seed.
      attempts: attemptsFor(firstLimits(contextSize)),
      plan: () => {
        const maxTokens = 24 + MAX_RISK_CONCERNS * itemTokens;
        return Promise.resolve(
          maxTokens <= available ? { schema: riskSchema(request.evidence), maxTokens } : undefined,
        );
      },
      accept: (answer) => (answer as { risk_concerns: unknown[] }).risk_concerns,
      signal: request.signal,
      onProgress: (generated, maxTokens) =>
        request.onStep?.(request.keys.length, total, generated, maxTokens),
      maxTokensOverride:
        request.maxTokensOverride &&
        ((attempt, planned) => request.maxTokensOverride?.('risk', attempt, planned) ?? planned),
    });
    results.push(...outcome.results);
    if (outcome.ok) json.risk_concerns = outcome.value;
    else
      warnings.push(
        'The model could not list risk; the rule-based risk scan of the transcript still ran.',
      );
  }
  return { json, sections, results, warnings };
}
