import type { NoteContent } from '../../../../shared/api/note-schemas';
import type { GeneratedNote, NoteSegment } from '../generate/generate-note';
import { renderNoteText } from '../generate/note-output';
import type { NoteTemplate } from '../templates/note-template';
import { extractiveSections } from './extractive-sections';
import type { SentenceKind } from './rules';

/**
 * What a note must not lose, whatever model wrote it: ratings and scores, the homework, the next
 * appointment and what the risk scanner found. A model, a small one above all, often leaves them
 * out (on the scripted sessions SmolLM2's notes carried 14 % of such facts, the rules 71 %). Each
 * such sentence that no statement of the model's draft cites is added to the section that wants
 * it, as the transcript's own words (origin "extractive", shown as such), never as the model's.
 */

const KEY_KINDS: readonly SentenceKind[] = [
  'risk',
  'rating',
  'measure',
  'homework',
  'next_appointment',
];
/** Enough for a rating and a score, or the homework and the next appointment. */
const PER_SECTION = 2;

export function withKeyFacts(
  note: GeneratedNote,
  template: NoteTemplate,
  segments: readonly NoteSegment[],
): GeneratedNote {
  const cited = new Set(
    note.content.sections.flatMap((s) => s.items.flatMap((item) => item.segmentIds)),
  );
  const keys = note.content.sections.map((s) => s.key);
  const found = extractiveSections(template, segments, {
    onlySections: keys,
    onlyKinds: KEY_KINDS,
    maxPerSection: PER_SECTION,
    repeatForEmpty: false,
  });
  let added = 0;
  const content: NoteContent = {
    ...note.content,
    sections: note.content.sections.map((section) => {
      const missing = (found.find((f) => f.key === section.key)?.items ?? []).filter(
        (item) => item.supported && !item.segmentIds.some((id) => cited.has(id)),
      );
      for (const item of missing) for (const id of item.segmentIds) cited.add(id);
      added += missing.length;
      return missing.length > 0 ? { ...section, items: [...section.items, ...missing] } : section;
    }),
  };
  if (added === 0) return note;
  return {
    ...note,
    content,
    text: renderNoteText(template.name, content),
    generation: {
      ...note.generation,
      keyFactsAdded: added,
      warnings: [
        ...(note.generation.warnings ?? []),
        `${added} key ${added === 1 ? 'sentence' : 'sentences'} from the transcript (ratings, scores, homework, next appointment, risk) that the model left out ${added === 1 ? 'was' : 'were'} added, marked as the transcript’s words.`,
      ],
    },
  };
}
