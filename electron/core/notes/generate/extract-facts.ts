import { CancelledError, PermanentError } from '../../errors';
import type { GenerateResult, LlmProvider } from '../llm/provider';
import type { RiskCategory } from '../risk/risk-categories';
import type { ChunkSegment } from './chunk-transcript';
import { evidenceLines } from './evidence-lines';
import { extractPlan, factTokens } from './output-schemas';
import { extractSystemPrompt, transcriptBlock, type PromptFact, type PromptLine } from './prompts';

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
}

export interface ExtractedFacts {
  facts: ExtractedFact[];
  riskConcerns: ExtractedRisk[];
  results: GenerateResult[];
  parts: number;
}

const MARGIN_TOKENS = 64;
/** Below this a part holds a few lines only: the model's context is too small for notes. */
const MIN_PART_TOKENS = 200;

export async function extractFacts(request: ExtractFactsRequest): Promise<ExtractedFacts> {
  const { provider, lines, lineTokens, contextSize } = request;
  const systemTokens = await provider.countTokens(extractSystemPrompt(99, 99));
  // Sizes are planned for the longest sentence anywhere; each part's grammar lists its own.
  const allEvidence = evidenceLines(lines);
  const asSegments: ChunkSegment[] = lines.map((line) => ({
    id: line.ref,
    speaker: line.speaker,
    text: line.text,
  }));
  const cost = (segment: ChunkSegment) => lineTokens.get(segment.id) ?? 1;

  // Fewer facts per part → a smaller answer → larger parts → fewer parts: settle in a few rounds.
  let maxFacts = 8;
  let budget = 0;
  let parts: ChunkSegment[][] = [];
  for (let round = 0; round < 3; round += 1) {
    budget =
      contextSize -
      extractPlan(allEvidence, contextSize, maxFacts).maxTokens -
      systemTokens -
      MARGIN_TOKENS;
    if (budget < MIN_PART_TOKENS)
      throw new PermanentError(
        'llm_context_too_small',
        `The notes model's context (${contextSize} tokens) is too small to write notes. Choose a model with a larger context, or raise the context size in Settings.`,
      );
    parts = request.chunk(asSegments, budget, cost);
    const fitting = Math.floor(
      request.factsBudget / (parts.length * factTokens(contextSize, allEvidence)),
    );
    if (fitting >= maxFacts || maxFacts === 2) break;
    maxFacts = Math.max(2, fitting);
  }

  const facts: ExtractedFact[] = [];
  const riskConcerns: ExtractedRisk[] = [];
  const results: GenerateResult[] = [];
  const byRef = new Map(lines.map((line) => [line.ref, line]));
  for (const [i, part] of parts.entries()) {
    if (request.signal?.aborted) throw new CancelledError();
    const partLines = part.map((segment) => fitLine(byRef.get(segment.id), cost(segment), budget));
    const plan = extractPlan(evidenceLines(partLines), contextSize, maxFacts);
    const result = await provider.generate({
      system: extractSystemPrompt(i + 1, parts.length),
      prompt: transcriptBlock(partLines),
      schema: plan.schema,
      maxTokens: plan.maxTokens,
      signal: request.signal,
      onProgress: ({ generatedTokens }) =>
        request.onProgress?.(i + 1, parts.length, generatedTokens, plan.maxTokens),
    });
    results.push(result);
    const json = result.json as {
      facts: { text: string; evidence: string[] }[];
      risk_concerns: ExtractedRisk[];
    };
    for (const fact of json.facts)
      if (fact.text.trim())
        facts.push({ text: fact.text.trim(), evidence: fact.evidence, part: i + 1 });
    riskConcerns.push(...json.risk_concerns);
  }
  return { facts, riskConcerns, results, parts: parts.length };
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
