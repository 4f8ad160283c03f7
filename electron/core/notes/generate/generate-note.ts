import type { NoteContent, NoteGeneration } from '../../../../shared/api/note-schemas';
import { CancelledError, PermanentError } from '../../errors';
import type { GenerateResult, LlmProvider } from '../llm/provider';
import type { NoteTemplate } from '../templates/note-template';
import { chunkTranscript } from './chunk-transcript';
import { extractFacts, selectFacts, type ExtractedFact } from './extract-facts';
import { evidenceLines } from './evidence-lines';
import {
  citationOf,
  riskConcernsOf,
  renderNoteText,
  toSections,
  type ModelRiskConcern,
  type TranscriptIndex,
} from './note-output';
import { notePlan, onlySection } from './output-schemas';
import {
  directSystemPrompt,
  factsBlock,
  PROMPT_VERSION,
  reduceSystemPrompt,
  transcriptBlock,
  type PromptLine,
} from './prompts';

/**
 * Writes a note from a transcript with any provider. A transcript that fits the model's context
 * is written in one step; a longer one is cut at speaker turns, facts are extracted from each
 * part (map), and the note is written from the facts (reduce). Either way every statement cites
 * the segments it rests on, and each citation is checked against the transcript.
 */

export interface NoteSegment {
  id: string;
  /** How the transcript names the speaker: "Clinician", "Client", or the diarizer's label. */
  speaker: string;
  text: string;
}

export interface NoteProgress {
  phase: 'extract' | 'write';
  /** 1-based part being extracted (write: the number of parts). */
  part: number;
  parts: number;
  generatedTokens: number;
  /** 0–1 over the whole note. */
  fraction: number;
}

export interface GenerateNoteRequest {
  provider: LlmProvider;
  template: NoteTemplate;
  segments: readonly NoteSegment[];
  /** Regenerate just this section (its key). */
  section?: string;
  signal?: AbortSignal;
  onProgress?: (progress: NoteProgress) => void;
}

export interface GeneratedNote {
  content: NoteContent;
  text: string;
  generation: NoteGeneration;
  /** What the model flagged as risk; the caller merges it with the scanner's hits. */
  riskConcerns: ModelRiskConcern[];
}

/** Tokens kept free for the chat template's own wrapping of system and user turns. */
const MARGIN_TOKENS = 48;

export async function generateNote(request: GenerateNoteRequest): Promise<GeneratedNote> {
  const { provider, segments } = request;
  const started = performance.now();
  if (segments.length === 0)
    throw new PermanentError(
      'notes_no_transcript',
      'There is no transcript to write a note from: the recording has no speech.',
    );
  const template = request.section
    ? onlySection(request.template, request.section)
    : request.template;
  if (template.sections.length === 0)
    throw new PermanentError(
      'note_section_unknown',
      `The template has no section “${request.section}”.`,
    );
  const lines: PromptLine[] = segments.map((segment, i) => ({
    ref: `s${i + 1}`,
    speaker: segment.speaker,
    text: segment.text,
  }));
  const index: TranscriptIndex = {
    idOf: new Map(lines.map((line, i) => [line.ref, segments[i]?.id ?? line.ref])),
    textOf: new Map(segments.map((segment) => [segment.id, segment.text])),
  };
  const contextSize = await provider.contextSize();
  const lineTokens = new Map<string, number>();
  for (const line of lines)
    lineTokens.set(
      line.ref,
      (await provider.countTokens(`[${line.ref}] ${line.speaker}: ${line.text}`)) + 1,
    );
  const transcriptTokens = [...lineTokens.values()].reduce((a, b) => a + b, 0);
  const withRisk = !request.section;
  const evidence = evidenceLines(lines);
  const direct = notePlan(template, contextSize, evidence, { withRisk });
  const directSystem = directSystemPrompt(request.template, request.section);
  const directBudget =
    contextSize - direct.maxTokens - (await provider.countTokens(directSystem)) - MARGIN_TOKENS;

  const steps: GenerateResult[] = [];
  const report =
    (phase: NoteProgress['phase'], part: number, parts: number, done: number, maxTokens: number) =>
    (generated: { generatedTokens: number }) =>
      request.onProgress?.({
        phase,
        part,
        parts,
        generatedTokens: generated.generatedTokens,
        fraction: Math.min(1, (done + generated.generatedTokens / maxTokens) / (parts + 1)),
      });

  let json: Record<string, unknown>;
  let extractedRisk: ModelRiskConcern[] = [];
  let parts = 1;
  if (transcriptTokens <= directBudget) {
    const result = await provider.generate({
      system: directSystem,
      prompt: transcriptBlock(lines),
      schema: direct.schema,
      maxTokens: direct.maxTokens,
      signal: request.signal,
      onProgress: (p) =>
        request.onProgress?.({
          phase: 'write',
          part: 1,
          parts: 1,
          generatedTokens: p.generatedTokens,
          fraction: Math.min(1, p.generatedTokens / direct.maxTokens),
        }),
    });
    steps.push(result);
    json = result.json as Record<string, unknown>;
  } else {
    const reduced = await mapReduce({
      ...request,
      template,
      lines,
      lineTokens,
      contextSize,
      evidence,
      index,
      report,
    });
    steps.push(...reduced.steps);
    parts = reduced.parts;
    extractedRisk = reduced.risk;
    json = reduced.json;
  }

  const sections = toSections(template, json, index);
  const content: NoteContent = {
    templateId: request.template.id,
    templateVersion: request.template.version,
    sections,
  };
  const generation: NoteGeneration = {
    provider: provider.name,
    model: provider.model,
    promptVersion: PROMPT_VERSION,
    mode: parts > 1 || transcriptTokens > directBudget ? 'map-reduce' : 'direct',
    chunks: parts,
    promptTokens: sum(steps, (s) => s.promptTokens),
    generatedTokens: sum(steps, (s) => s.generatedTokens),
    promptMs: sum(steps, (s) => s.promptMs),
    generationMs: sum(steps, (s) => s.generationMs),
    totalMs: Math.round(performance.now() - started),
  };
  return {
    content,
    text: renderNoteText(request.template.name, content),
    generation,
    riskConcerns: [...extractedRisk, ...riskConcernsOf(json, sections, index)],
  };
}

interface MapReduceInput extends GenerateNoteRequest {
  lines: PromptLine[];
  lineTokens: ReadonlyMap<string, number>;
  contextSize: number;
  evidence: string[];
  index: TranscriptIndex;
  report: (
    phase: NoteProgress['phase'],
    part: number,
    parts: number,
    done: number,
    maxTokens: number,
  ) => (generated: { generatedTokens: number }) => void;
}

/**
 * A session longer than the context: facts (with evidence) from each part that fits (map), as
 * many per part as the writing step can read back, then the note from the facts (reduce).
 */
async function mapReduce(input: MapReduceInput): Promise<{
  json: Record<string, unknown>;
  steps: GenerateResult[];
  parts: number;
  risk: ModelRiskConcern[];
}> {
  const { provider, template, contextSize, report } = input;
  const reduceSystem = reduceSystemPrompt(input.template, input.section);
  const reduceSample = notePlan(template, contextSize, input.evidence, { withRisk: false });
  const factsBudget =
    contextSize -
    reduceSample.maxTokens -
    (await provider.countTokens(reduceSystem)) -
    MARGIN_TOKENS;
  const extraction = await extractFacts({
    provider,
    lines: input.lines,
    lineTokens: input.lineTokens,
    contextSize,
    factsBudget,
    chunk: chunkTranscript,
    signal: input.signal,
    onProgress: (part, total, generated, maxTokens) =>
      report('extract', part, total, part - 1, maxTokens)({ generatedTokens: generated }),
  });
  const parts = extraction.parts;
  const risk = extraction.riskConcerns.map((concern) => ({
    category: concern.category,
    ...citationOf(concern.evidence, input.index),
  }));
  const facts: ExtractedFact[] = await selectFacts(extraction.facts, factsBudget, (fact) =>
    provider.countTokens(factsBlock([fact])),
  );
  if (facts.length === 0)
    throw new PermanentError(
      'notes_nothing_extracted',
      'The notes model found nothing to write about in this session. Try a larger model.',
    );
  const factEvidence = [...new Set(facts.flatMap((fact) => fact.evidence))];
  const plan = notePlan(template, contextSize, factEvidence, { withRisk: false });
  if (input.signal?.aborted) throw new CancelledError();
  const result = await provider.generate({
    system: reduceSystem,
    prompt: factsBlock(facts),
    schema: plan.schema,
    maxTokens: plan.maxTokens,
    signal: input.signal,
    onProgress: report('write', parts, parts, parts, plan.maxTokens),
  });
  return {
    json: result.json as Record<string, unknown>,
    steps: [...extraction.results, result],
    parts,
    risk,
  };
}

function sum<T>(items: readonly T[], of: (item: T) => number): number {
  return items.reduce((total, item) => total + of(item), 0);
}
