import type { NoteContent, NoteItem } from '../../../../shared/api/note-schemas';
import type { NoteSegment } from '../../notes/generate/generate-note';
import { nameTokens, trigrams, wordsOf } from '../couples/isolation';
import { PARTICIPANT_TEMPLATE } from './participant-template';

/**
 * The isolation check of one participant's summary: every statement must cite only that
 * participant's own segments, and no three-word run or name-like (capitalised) word that only
 * another participant said may appear in it. A statement that fails is dropped and counted; what
 * it said is never logged or stored. The shared context (the therapist's turns) may be echoed as
 * runs of words, but a name only another participant said stays theirs even if the therapist
 * repeated it.
 */

export interface IsolationOutcome {
  content: NoteContent;
  /** Statements checked, and those dropped. */
  checked: number;
  dropped: number;
}

const textsOf = (segments: readonly NoteSegment[]) => segments.map((s) => s.text);

/** Cairn's own words (section titles and instructions) are nobody's. */
const TEMPLATE_TEXT = PARTICIPANT_TEMPLATE.sections.map((s) => `${s.title}. ${s.instruction}`);

/** What only the others said: their runs of three words and their names, minus what is shared. */
function othersOnly(
  own: readonly string[],
  context: readonly string[],
  others: readonly string[],
): { grams: Set<string>; names: Set<string> } {
  const shared = new Set([...own, ...context, ...TEMPLATE_TEXT].flatMap(trigrams));
  const ownWords = new Set([...own, ...TEMPLATE_TEXT].flatMap(wordsOf));
  return {
    grams: new Set(others.flatMap(trigrams).filter((g) => !shared.has(g))),
    names: new Set(others.flatMap(nameTokens).filter((w) => !ownWords.has(w))),
  };
}

function crossesOver(item: NoteItem, forbidden: { grams: Set<string>; names: Set<string> }) {
  const strings = [item.text, item.quote, ...Object.values(item.fields)];
  return strings.some(
    (text) =>
      trigrams(text).some((g) => forbidden.grams.has(g)) ||
      wordsOf(text).some((w) => forbidden.names.has(w)),
  );
}

export function isolateParticipant(
  content: NoteContent,
  own: readonly NoteSegment[],
  context: readonly NoteSegment[],
  others: readonly NoteSegment[],
): IsolationOutcome {
  const ownIds = new Set(own.map((s) => s.id));
  const forbidden = othersOnly(textsOf(own), textsOf(context), textsOf(others));
  let checked = 0;
  let dropped = 0;
  const sections = content.sections.map((section) => ({
    ...section,
    items: section.items.filter((item) => {
      checked += 1;
      const citesOwn = item.segmentIds.length > 0 && item.segmentIds.every((id) => ownIds.has(id));
      const keep = citesOwn && !crossesOver(item, forbidden);
      if (!keep) dropped += 1;
      return keep;
    }),
  }));
  return { content: { ...content, sections }, checked, dropped };
}
