import type { NoteContent, NoteSection, SectionDraft } from '../../../../shared/api/note-schemas';
import type { GeneratedNote, NoteSegment } from '../generate/generate-note';
import { renderNoteText } from '../generate/note-output';
import type { RiskHit } from '../risk/risk-categories';
import type { NoteTemplate } from '../templates/note-template';
import { extractiveSections } from './extractive-sections';
import type { SentenceKind } from './rules';

/**
 * A required section (a SOAP note's Assessment, a summary's mood) must not reach the clinician
 * empty. The model's grammar asks it for one statement at least, but what it wrote can still be
 * left out afterwards (a statement repeating Cairn's instructions: generate/instruction-echo.ts),
 * or every attempt at the section failed. Such a section is filled the way the floor fills it
 * (extractive-draft.ts): transcript sentences chosen by rules for that section, each citing its
 * segment, origin "extractive", the section's status "extractive" with a message, and a warning
 * on the draft. A clinician editing a stand-in is better off than one facing a blank, and the
 * marks keep it from passing for the model's work.
 */

/**
 * When a section's own kinds find nothing in this session (a summary's "what comes next" in a
 * session that names no plan), it takes the client's own words on their main concern, as a
 * practice's section that no kind matches does (section-kinds.ts), else any other kind of
 * sentence. Risk and safety are not taken here: a risk statement belongs where risk is read
 * (the flags, a risk section), not in a stand-in for, say, the summary the client reads.
 */
const LAST_RESORT: readonly SentenceKind[] = [
  'concern',
  'response',
  'goal',
  'rating',
  'plan',
  'homework',
  'next_appointment',
  'intervention',
  'reflection',
  'measure',
  'medication',
];

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function withRequiredSections(
  note: GeneratedNote,
  template: NoteTemplate,
  segments: readonly NoteSegment[],
  riskHits?: readonly RiskHit[],
): GeneratedNote {
  const required = new Set(template.sections.filter((s) => s.required).map((s) => s.key));
  const empty = note.content.sections
    .filter((s) => required.has(s.key) && s.items.length === 0)
    .map((s) => s.key);
  if (empty.length === 0) return note;

  // The section as the floor writes it in a draft with no model: the whole template is chosen
  // for, so these sections get the sentences the floor gives them, not every sentence the other
  // sections would have taken. A section the floor leaves empty too takes the last resort.
  const found = new Map(
    extractiveSections(template, segments, { riskHits })
      .filter((s) => empty.includes(s.key))
      .map((s) => [s.key, s.items]),
  );
  const bare = empty.filter((key) => (found.get(key)?.length ?? 0) === 0);
  if (bare.length > 0)
    for (const s of extractiveSections(template, segments, {
      onlySections: bare,
      kinds: LAST_RESORT,
      maxPerSection: 1,
      riskHits,
    }))
      if (bare.includes(s.key)) found.set(s.key, s.items);

  const filled: NoteSection[] = [];
  const content: NoteContent = {
    ...note.content,
    sections: note.content.sections.map((section) => {
      const items = empty.includes(section.key) ? (found.get(section.key) ?? []) : [];
      if (items.length === 0) return section;
      const withItems = { ...section, items };
      filled.push(withItems);
      return withItems;
    }),
  };
  const drafts = note.generation.sections?.map((draft) =>
    empty.includes(draft.key) ? redrafted(draft, content) : draft,
  );
  const left = empty.filter((key) => !filled.some((s) => s.key === key));
  const titles = (sections: readonly { title: string }[]) =>
    sections.map((s) => s.title).join(', ');
  const warnings = [...(note.generation.warnings ?? [])];
  if (filled.length > 0)
    warnings.push(
      `${count(filled.length, 'required section', 'required sections')} (${titles(filled)}) had nothing from the model that could be kept, so ${filled.length === 1 ? 'it was' : 'they were'} filled with sentences from the transcript chosen by rules, marked as the transcript’s words.`,
    );
  if (left.length > 0)
    warnings.push(
      `${count(left.length, 'required section', 'required sections')} (${titles(note.content.sections.filter((s) => left.includes(s.key)))}) had nothing from the model that could be kept, and nothing in the transcript matched: write ${left.length === 1 ? 'it' : 'them'} yourself.`,
    );
  return {
    ...note,
    content,
    text: renderNoteText(template.name, content),
    generation: { ...note.generation, sections: drafts, warnings },
  };
}

/**
 * The section's draft record after the fill, in words for the clinician. Attempts stay as spent:
 * the model did try. A section still empty is marked not drafted, so the desk asks the clinician
 * to write it.
 */
function redrafted(draft: SectionDraft, content: NoteContent): SectionDraft {
  const section = content.sections.find((s) => s.key === draft.key);
  const n = section?.items.length ?? 0;
  const title = section?.title ?? draft.key;
  const why =
    draft.status === 'not_drafted'
      ? `The model could not draft ${title}`
      : `Nothing the model wrote for ${title} could be kept`;
  if (n === 0)
    return {
      ...draft,
      status: 'not_drafted',
      message: `${why}, and nothing in the transcript matched it — write it yourself.`,
    };
  return {
    ...draft,
    status: 'extractive',
    message: `${why}, so ${count(n, 'sentence', 'sentences')} from the transcript, chosen by rules, ${n === 1 ? 'stands' : 'stand'} in for it: edit ${n === 1 ? 'it' : 'them'} into your note.`,
  };
}
