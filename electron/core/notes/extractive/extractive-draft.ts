import type { NoteContent, NoteGeneration } from '../../../../shared/api/note-schemas';
import type { GeneratedNote, NoteSegment } from '../generate/generate-note';
import { renderNoteText } from '../generate/note-output';
import type { NoteTemplate } from '../templates/note-template';
import type { RiskHit } from '../risk/risk-categories';
import { extractiveSections } from './extractive-sections';
import { renderExtractiveLabel } from './label';

/**
 * The floor under every note: when no model is installed, or the model could not write any of
 * it, the draft is the template's sections filled with transcript sentences chosen by rules, each
 * citing its segment, and labelled as such. The clinician always has something to edit, and the
 * run still completes.
 */
export function extractiveDraft(
  template: NoteTemplate,
  segments: readonly NoteSegment[],
  reason: string,
  riskHits?: readonly RiskHit[],
): GeneratedNote {
  const started = performance.now();
  const sections = extractiveSections(template, segments, { riskHits });
  const content: NoteContent = {
    templateId: template.id,
    templateVersion: template.version,
    sections,
  };
  const generation: NoteGeneration = {
    provider: 'none',
    model: '',
    promptVersion: 'extractive-1',
    mode: 'extractive',
    chunks: 0,
    sections: sections.map((section) => ({
      key: section.key,
      status: 'extractive',
      attempts: 0,
      message:
        section.items.length === 0 ? `Nothing in the transcript matched ${section.title}.` : '',
    })),
    warnings: [reason],
    promptTokens: 0,
    generatedTokens: 0,
    promptMs: 0,
    generationMs: 0,
    totalMs: Math.round(performance.now() - started),
  };
  const [title, ...rest] = renderNoteText(template.name, content).split('\n');
  return {
    content,
    text: [title, renderExtractiveLabel(), ...rest].join('\n'),
    generation,
    riskConcerns: [],
  };
}
