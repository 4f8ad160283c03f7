import type {
  NoteContent,
  NoteGeneration,
  SectionDraft,
} from '../../../../shared/api/note-schemas';
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
  instructionEchoes,
  toSections,
  type ModelRiskConcern,
  type TranscriptIndex,
} from './note-output';
import { firstLimits, onlySection } from './output-schemas';
import {
  factsBlock,
  noteSystemPrompt,
  PROMPT_VERSION,
  sectionAsk,
  transcriptBlock,
  type PromptLine,
} from './prompts';
import { promptVersionOf } from './prompt-instructions';
import { writeSections } from './section-steps';
import { voiceAsker, voicedDraft } from '../voice/voice-in-draft';
import type { VoiceGuide } from '../voice/voice-guide';
import { longestEvidenceTokens, sectionAnswerTokens, TURN_MARGIN_TOKENS } from './step-budget';

/**
 * Writes a note from a transcript with any provider, in bounded steps: one per section (and one
 * for the risk list) over the transcript as a shared prefix, so each answer is small, the prefix
 * is evaluated once, and a step that fails is retried smaller on its own. A transcript too long
 * for the context is cut at speaker turns, facts are extracted from each part (map), and the
 * sections are written from the facts (reduce). Every statement cites the segments it rests on,
 * and each citation is checked against the transcript.
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
  /**
   * Tests only: replaces a step's token ceiling ("part 1", a section key, "risk") at an attempt
   * (0-based), to force a cut-off that the real ceiling never allows.
   */
  maxTokensOverride?: (step: string, attempt: number, planned: number) => number;
  /** What the clinician's signed notes teach this template (notes/voice); absent: nothing. */
  voice?: VoiceGuide | null;
}

export interface GeneratedNote {
  content: NoteContent;
  text: string;
  generation: NoteGeneration;
  /** What the model flagged as risk; the caller merges it with the scanner's hits. */
  riskConcerns: ModelRiskConcern[];
}

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
  const keys = template.sections.map((s) => s.key);
  const withRisk = !request.section;
  const evidence = evidenceLines(lines);
  const evidenceTokens = await longestEvidenceTokens(provider, evidence);
  const system = noteSystemPrompt(request.template, 'transcript');
  const prefix = transcriptBlock(lines);
  const prefixTokens = (await provider.countTokens(system)) + transcriptTokens + 8;
  // Direct when the transcript leaves room for the largest section's one-statement answer.
  const smallest = await largestMinimalStep(provider, template, contextSize, evidenceTokens);
  const direct = prefixTokens + smallest + TURN_MARGIN_TOKENS <= contextSize;

  const voice = voiceAsker(request.voice, segments, contextSize);
  const steps: GenerateResult[] = [];
  let json: Record<string, unknown>;
  let sectionDrafts: SectionDraft[];
  let warnings: string[];
  let extractedRisk: ModelRiskConcern[] = [];
  let parts = 1;
  const writeProgress =
    (partsDone: number, totalParts: number) =>
    (done: number, total: number, generated: number, maxTokens: number) =>
      request.onProgress?.({
        phase: 'write',
        part: totalParts,
        parts: totalParts,
        generatedTokens: generated,
        fraction: Math.min(
          1,
          (partsDone + (done + Math.min(1, generated / maxTokens)) / total) / (partsDone + 1),
        ),
      });
  if (direct) {
    const written = await writeSections({
      provider,
      template,
      keys,
      system,
      prefix,
      prefixTokens,
      contextSize,
      evidence,
      evidenceTokens,
      withRisk,
      signal: request.signal,
      onStep: writeProgress(0, 1),
      maxTokensOverride: request.maxTokensOverride,
      voiceAsk: voice.ask,
      voiceStatementChars: voice.statementChars,
    });
    steps.push(...written.results);
    ({ json, sections: sectionDrafts, warnings } = written);
  } else {
    const reduced = await mapReduce({
      ...request,
      template,
      keys,
      lines,
      lineTokens,
      contextSize,
      evidenceTokens,
      index,
      writeProgress,
      voiceAsk: voice.ask,
      voiceStatementChars: voice.statementChars,
    });
    steps.push(...reduced.steps);
    parts = reduced.parts;
    extractedRisk = reduced.risk;
    ({ json, sections: sectionDrafts, warnings } = reduced);
  }

  const voiced = voicedDraft(toSections(template, json, index), request.voice, voice);
  const sections = voiced.sections;
  const echoes = instructionEchoes(template, json);
  if (echoes > 0)
    warnings = [
      ...warnings,
      `${echoes} statement${echoes === 1 ? '' : 's'} the model wrote repeated Cairn's instructions instead of the session, and ${echoes === 1 ? 'was' : 'were'} left out.`,
    ];
  if (voiced.warning) warnings = [...warnings, voiced.warning];
  const content: NoteContent = {
    templateId: request.template.id,
    templateVersion: request.template.version,
    sections,
  };
  const generation: NoteGeneration = {
    provider: provider.name,
    model: provider.model,
    promptVersion: promptVersionOf(request.template, PROMPT_VERSION),
    mode: direct ? 'direct' : 'map-reduce',
    chunks: parts,
    ...(voiced.metadata && { voice: voiced.metadata }),
    sections: sectionDrafts,
    warnings,
    transcriptTokens,
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

/** The answer of the section that needs most room, at one short statement: the least a step needs. */
async function largestMinimalStep(
  provider: LlmProvider,
  template: NoteTemplate,
  contextSize: number,
  evidenceTokens: number,
): Promise<number> {
  let most = 0;
  for (const section of template.sections) {
    const answer = await sectionAnswerTokens(
      provider,
      section,
      { ...firstLimits(contextSize, 1), maxEvidence: 1 },
      evidenceTokens,
    );
    most = Math.max(most, answer + (await provider.countTokens(sectionAsk(section))));
  }
  return most;
}

interface MapReduceInput extends GenerateNoteRequest {
  keys: string[];
  lines: PromptLine[];
  lineTokens: ReadonlyMap<string, number>;
  contextSize: number;
  evidenceTokens: number;
  index: TranscriptIndex;
  voiceAsk: (key: string) => string;
  voiceStatementChars: (key: string) => number | null;
  writeProgress: (
    partsDone: number,
    totalParts: number,
  ) => (done: number, total: number, generated: number, maxTokens: number) => void;
}

/**
 * A session longer than the context: facts (with evidence) from each part that fits (map), as
 * many per part as the writing steps can read back, then each section from the facts (reduce).
 */
async function mapReduce(input: MapReduceInput): Promise<{
  json: Record<string, unknown>;
  sections: SectionDraft[];
  warnings: string[];
  steps: GenerateResult[];
  parts: number;
  risk: ModelRiskConcern[];
}> {
  const { provider, template, contextSize } = input;
  const system = noteSystemPrompt(input.template, 'facts');
  const systemTokens = await provider.countTokens(system);
  // The facts may take what the largest section's first-attempt answer and its ask leave.
  let answer = 0;
  for (const section of template.sections)
    answer = Math.max(
      answer,
      (await sectionAnswerTokens(
        provider,
        section,
        firstLimits(contextSize),
        input.evidenceTokens,
      )) + (await provider.countTokens(sectionAsk(section))),
    );
  const factsBudget = contextSize - answer - systemTokens - 2 * TURN_MARGIN_TOKENS;
  const extraction = await extractFacts({
    provider,
    lines: input.lines,
    lineTokens: input.lineTokens,
    contextSize,
    factsBudget,
    chunk: chunkTranscript,
    signal: input.signal,
    maxTokensOverride: input.maxTokensOverride,
    onProgress: (part, total, generated, maxTokens) =>
      input.onProgress?.({
        phase: 'extract',
        part,
        parts: total,
        generatedTokens: generated,
        fraction: Math.min(1, (part - 1 + Math.min(1, generated / maxTokens)) / (total + 1)),
      }),
  });
  const parts = extraction.parts;
  const warnings = extraction.failedParts.map(
    (failed) =>
      `Part ${failed.part} of ${parts} of the session could not be read by the model (${failed.problems.join('; ')}); check that stretch of the transcript yourself.`,
  );
  const risk = extraction.riskConcerns.map((concern) => ({
    category: concern.category,
    ...citationOf(concern.evidence, input.index),
  }));
  const facts: ExtractedFact[] = await selectFacts(extraction.facts, factsBudget, (fact) =>
    provider.countTokens(factsBlock([fact])),
  );
  if (input.signal?.aborted) throw new CancelledError();
  if (facts.length === 0) {
    const message = 'The notes model found nothing to write about in this session.';
    return {
      json: {},
      sections: input.keys.map((key) => ({ key, status: 'not_drafted', attempts: 0, message })),
      warnings: [...warnings, message],
      steps: extraction.results,
      parts,
      risk,
    };
  }
  const factEvidence = [...new Set(facts.flatMap((fact) => fact.evidence))];
  const prefix = factsBlock(facts);
  const written = await writeSections({
    provider,
    template,
    keys: input.keys,
    system,
    prefix,
    prefixTokens: systemTokens + (await provider.countTokens(prefix)),
    contextSize,
    evidence: factEvidence,
    evidenceTokens: await longestEvidenceTokens(provider, factEvidence),
    withRisk: false,
    signal: input.signal,
    onStep: input.writeProgress(parts, parts),
    maxTokensOverride: input.maxTokensOverride,
    voiceAsk: input.voiceAsk,
    voiceStatementChars: input.voiceStatementChars,
  });
  return {
    json: written.json,
    sections: written.sections,
    warnings: [...warnings, ...written.warnings],
    steps: [...extraction.results, ...written.results],
    parts,
    risk,
  };
}

function sum<T>(items: readonly T[], of: (item: T) => number): number {
  return items.reduce((total, item) => total + of(item), 0);
}
