import { CancelledError, PermanentError } from '../../errors';
import type { GenerateResult, LlmProvider } from '../llm/provider';
import type { RiskCategory } from '../risk/risk-categories';
import type { OutputLimits } from '../templates/note-template';
import type { ChunkSegment } from './chunk-transcript';
import { evidenceLines } from './evidence-lines';
import { extractPlan, MAX_RISK_CONCERNS } from './output-schemas';
import {
  extractAsk,
  extractSystemPrompt,
  transcriptBlock,
  type PromptFact,
  type PromptLine,
} from './prompts';
import { attemptsFor, runStep } from './run-step';
import { listAnswerTokens, longestEvidenceTokens, TURN_MARGIN_TOKENS } from './step-budget';

/**
 * The map step of a long session: the transcript cut into parts that fit the context (at
 * speaker turns), and from each part the facts a note needs, with their citations, plus any
 * risk the model noticed. Parts run one after another: a laptop runs one generation at a time.
 */

export interface ExtractedFact extends PromptFact {
  /** Which part it came from (1-based), so selection can take from every part. */
  part: number;
}

export interface ExtractedRisk {
  category: RiskCategory;
  /** Evidence entries, "[s12] sentence". */
  evidence: string[];
}

export interface ExtractFactsRequest {
  provider: LlmProvider;
  lines: readonly PromptLine[];
  /** Tokens of each line (by reference), counted once by the caller. */
  lineTokens: ReadonlyMap<string, number>;
  contextSize: number;
  /** Tokens the reduce step can spend on facts: the facts of all parts should fit it. */
  factsBudget: number;
  chunk: (
    segments: readonly ChunkSegment[],
    budget: number,
    count: (segment: ChunkSegment) => number,
  ) => ChunkSegment[][];
  signal?: AbortSignal;
  onProgress?: (part: number, parts: number, generatedTokens: number, maxTokens: number) => void;
  maxTokensOverride?: (step: string, attempt: number, planned: number) => number;
}

export interface ExtractedFacts {
  facts: ExtractedFact[];
  riskConcerns: ExtractedRisk[];
  results: GenerateResult[];
  parts: number;
  /** Parts whose every attempt failed (1-based), and why, for the draft's warnings. */
  failedParts: { part: number; problems: string[] }[];
}

/** Below this a part holds a few lines only: the model's context is too small for notes. */
const MIN_PART_TOKENS = 200;
/** Facts a part's statement may take: shorter than a note's statement, it is read back once. */
const FACT_CHARS = 160;

interface ExtractAnswer {
  facts: { text: string; evidence: string[] }[];
  risk_concerns: ExtractedRisk[];
}

export async function extractFacts(request: ExtractFactsRequest): Promise<ExtractedFacts> {
  const { provider, lines, lineTokens, contextSize } = request;
  const system = extractSystemPrompt();
  const fixedTokens =
    (await provider.countTokens(system)) +
    (await provider.countTokens(extractAsk(99, 99))) +
    TURN_MARGIN_TOKENS;
  // Sizes are planned for the longest sentence anywhere; each part's grammar lists its own.
  const evidenceTokens = await longestEvidenceTokens(provider, evidenceLines(lines));
  const maxEvidence = contextSize >= 8192 ? 2 : 1;
  const limitsOf = (maxItems: number): OutputLimits => ({
    maxItems,
    maxTextLength: FACT_CHARS,
    maxEvidence,
  });
  const answerTokens = (limits: OutputLimits) =>
    listAnswerTokens(provider, 'facts', limits, evidenceTokens, MAX_RISK_CONCERNS);
  const asSegments: ChunkSegment[] = lines.map((line) => ({
    id: line.ref,
    speaker: line.speaker,
    text: line.text,
  }));
  const cost = (segment: ChunkSegment) => lineTokens.get(segment.id) ?? 1;
  const factTokens = (await answerTokens(limitsOf(1))) - (await answerTokens(limitsOf(0)));

  // Fewer facts per part → a smaller answer → larger parts → fewer parts: settle in a few rounds,
  // from the most facts whose answer takes at most 40 % of the context.
  let maxFacts = 8;
  while (maxFacts > 1 && (await answerTokens(limitsOf(maxFacts))) > contextSize * 0.4)
    maxFacts -= 1;
  let budget = 0;
  let parts: ChunkSegment[][] = [];
  for (let round = 0; round < 3; round += 1) {
    budget = contextSize - (await answerTokens(limitsOf(maxFacts))) - fixedTokens;
    if (budget < MIN_PART_TOKENS)
      throw new PermanentError(
        'llm_context_too_small',
        `The notes model's context (${contextSize} tokens) is too small to write notes. Choose a model with a larger context, or raise the context size in Settings.`,
      );
    parts = request.chunk(asSegments, budget, cost);
    const fitting = Math.floor(request.factsBudget / (parts.length * factTokens));
    if (fitting >= maxFacts || maxFacts <= 2) break;
    maxFacts = Math.max(2, fitting);
  }

  const facts: ExtractedFact[] = [];
  const riskConcerns: ExtractedRisk[] = [];
  const results: GenerateResult[] = [];
  const failedParts: ExtractedFacts['failedParts'] = [];
  const byRef = new Map(lines.map((line) => [line.ref, line]));
  for (const [i, part] of parts.entries()) {
    if (request.signal?.aborted) throw new CancelledError();
    const partLines = part.map((segment) => fitLine(byRef.get(segment.id), cost(segment), budget));
    const partEvidence = evidenceLines(partLines);
    const outcome = await runStep<ExtractAnswer>({
      provider,
      system,
      prefix: transcriptBlock(partLines),
      ask: extractAsk(i + 1, parts.length),
      attempts: attemptsFor(limitsOf(maxFacts)),
      plan: async (limits) => ({
        schema: extractPlan(partEvidence, limits).schema,
        maxTokens: await answerTokens(limits),
      }),
      accept: (json) => {
        const answer = json as ExtractAnswer;
        return answer.facts.some((fact) => fact.text.trim()) ? answer : undefined;
      },
      signal: request.signal,
      onProgress: (generated, maxTokens) =>
        request.onProgress?.(i + 1, parts.length, generated, maxTokens),
      maxTokensOverride:
        request.maxTokensOverride &&
        ((attempt, planned) =>
          request.maxTokensOverride?.(`part ${i + 1}`, attempt, planned) ?? planned),
    });
    results.push(...outcome.results);
    if (!outcome.ok) {
      failedParts.push({ part: i + 1, problems: outcome.problems });
      continue;
    }
    for (const fact of outcome.value.facts)
      if (fact.text.trim())
        facts.push({ text: fact.text.trim(), evidence: fact.evidence, part: i + 1 });
    riskConcerns.push(...outcome.value.risk_concerns);
  }
  return { facts, riskConcerns, results, parts: parts.length, failedParts };
}

/** A single line longer than a whole part is cut to fit (rare: a long monologue in one segment). */
function fitLine(line: PromptLine | undefined, tokens: number, budget: number): PromptLine {
  if (!line) throw new Error('a part holds a line the transcript does not');
  if (tokens <= budget) return line;
  return {
    ...line,
    text: line.text.slice(0, Math.floor((line.text.length * budget * 0.9) / tokens)),
  };
}

/**
 * Facts for the reduce step, within its budget: all of them when they fit, else taken in turn
 * from every part (first fact of each part, then the second…), so no stretch of the session is
 * left out entirely. Returned in session order.
 */
export async function selectFacts(
  facts: readonly ExtractedFact[],
  budget: number,
  count: (fact: ExtractedFact) => Promise<number>,
): Promise<ExtractedFact[]> {
  const costs = new Map<ExtractedFact, number>();
  for (const fact of facts) costs.set(fact, await count(fact));
  const total = [...costs.values()].reduce((a, b) => a + b, 0);
  if (total <= budget) return [...facts];
  const byPart = new Map<number, ExtractedFact[]>();
  for (const fact of facts) byPart.set(fact.part, [...(byPart.get(fact.part) ?? []), fact]);
  const chosen = new Set<ExtractedFact>();
  let used = 0;
  for (let rank = 0; ; rank += 1) {
    const round = [...byPart.values()].map((list) => list[rank]).filter((f) => f !== undefined);
    if (round.length === 0) break;
    for (const fact of round) {
      const factCost = costs.get(fact) ?? 0;
      if (used + factCost > budget) continue;
      chosen.add(fact);
      used += factCost;
    }
  }
  return facts.filter((fact) => chosen.has(fact));
}
