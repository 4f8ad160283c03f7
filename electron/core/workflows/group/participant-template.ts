import type { NoteContent, NoteSection } from '../../../../shared/api/note-schemas';
import { verifyItem } from '../../notes/evidence/verify-citations';
import { extractiveSections } from '../../notes/extractive';
import type { NoteSegment } from '../../notes/generate/generate-note';
import { splitSentences } from '../../notes/generate/evidence-lines';
import type { NoteTemplate } from '../../notes/templates/note-template';

/**
 * The shape of a participant's summary: what they brought, how they were, what they will do.
 * Section keys are the session summary's, so the extractive rules know which sentences fit.
 */
export const PARTICIPANT_TEMPLATE: NoteTemplate = {
  id: 'group-participant',
  name: 'Group session summary',
  description: 'One participant of a group or family session, from their own turns.',
  version: 1,
  sections: [
    {
      key: 'key_topics',
      title: 'What they brought',
      instruction: 'What this participant said about their own concerns and experiences.',
      required: true,
    },
    {
      key: 'mood_affect',
      title: 'How they were',
      instruction: 'How this participant said they felt.',
    },
    {
      key: 'homework',
      title: 'What they will do',
      instruction: 'What this participant agreed to do or try before the next session.',
    },
  ],
};

/** A participant who said little still gets a summary: their first sentences, cited. */
const FALLBACK_SENTENCES = 3;

function firstSentences(segments: readonly NoteSegment[]): NoteSection['items'] {
  const texts = new Map(segments.map((s) => [s.id, s.text]));
  return segments
    .flatMap((segment) => splitSentences(segment.text).map((text) => ({ segment, text })))
    .filter(({ text }) => text.split(/\s+/).length >= 4)
    .slice(0, FALLBACK_SENTENCES)
    .map(({ segment, text }) => {
      const verified = verifyItem({ text, segmentIds: [segment.id], quote: text }, texts);
      return {
        text,
        segmentIds: [segment.id],
        quote: text,
        fields: {},
        supported: verified.supported,
        problems: verified.problems,
        origin: 'extractive' as const,
      };
    });
}

/**
 * The floor: sentences of the participant's own turns chosen by the notes' rules, each citing
 * its segment. Only their own turns are read, so nothing of anyone else can be in it.
 */
export function extractiveSummary(segments: readonly NoteSegment[]): NoteContent {
  const sections = extractiveSections(PARTICIPANT_TEMPLATE, segments, { maxPerSection: 3 });
  if (sections.every((s) => s.items.length === 0) && sections[0])
    sections[0] = { ...sections[0], items: firstSentences(segments) };
  return {
    templateId: PARTICIPANT_TEMPLATE.id,
    templateVersion: PARTICIPANT_TEMPLATE.version,
    sections,
  };
}
