import type { NoteContent, NoteItem } from '../../../../shared/api/note-schemas';
import type { GeneratedNote, NoteSegment } from '../generate/generate-note';
import { renderNoteText } from '../generate/note-output';
import type { NoteTemplate } from '../templates/note-template';
import type { RiskHit } from '../risk/risk-categories';
import { extractiveSections } from './extractive-sections';
import type { SentenceKind } from './rules';

/**
 * What a note must not lose, whatever model wrote it: the main concern, ratings and scores,
 * medication, interventions named, the homework, the next appointment, what the risk scanner
 * found and what the client said of their safety. A model, a small one above all, often leaves
 * them out, or cites the sentence and writes something else (on the scripted sessions SmolLM2's
 * drafts carried 0–25 % of such facts: docs/benchmarks.md, "Note quality"). Each such sentence that no
 * statement of the model's draft carries (cites, and says at least half of its words) is added to
 * the section that wants it, as the transcript's own words (origin "extractive", shown as such),
 * never as the model's. With a good model a sentence it paraphrased freely may be repeated: the
 * clinician removes a repeat in a click, and never finds a rating or a risk statement missing.
 */

const KEY_KINDS: readonly SentenceKind[] = [
  'risk',
  'safety',
  'concern',
  'rating',
  'measure',
  'medication',
  'intervention',
  'homework',
  'next_appointment',
];
/** Enough for a risk statement and its safety answer and the concern, or the homework and the next appointment. */
const PER_SECTION = 3;

const NUMBER_WORDS =
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'.split(
    ' ',
  );
const STOP = new Set(
  'about after again all also and any are because been before but can could did does for from had has have her him his how into its just like more most much not now our out over she some than that the their them then there they this was were what when which who will with would you your'.split(
    ' ',
  ),
);

/** A light stem: "wishes" and "wish", "nights" and "night" meet. */
const stem = (word: string) =>
  word.length <= 3 ? word : word.replace(/(?<=sh|ch|x|s)es$/, '').replace(/(?<!s)s$/, '');

/** Content words, numbers as digits, stemmed, so "seven" and "7/10" meet. */
function contentWords(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^a-z0-9]+/)
    .map((w) => {
      const n = NUMBER_WORDS.indexOf(w);
      return n >= 0 ? String(n) : stem(w);
    })
    .filter((w) => (/^\d+$/.test(w) || w.length >= 3) && !STOP.has(w));
  return new Set(words);
}

/**
 * A statement carries a sentence when they share at least two content words (one, for a sentence
 * of one) and those make at least half of the shorter of the two: "Thought record nightly" carries
 * "For homework, keep a thought record every evening"; "Client had a busy week" does not carry
 * "Busy. My anxiety was about a seven out of ten."
 */
function carries(statement: string, sentence: string): boolean {
  const wanted = contentWords(sentence);
  if (wanted.size === 0) return true;
  const said = contentWords(statement);
  let shared = 0;
  for (const word of wanted) if (said.has(word)) shared += 1;
  return (
    shared >= Math.min(2, wanted.size) && shared / Math.min(wanted.size, said.size || 1) >= 0.5
  );
}

/**
 * `note` may hold some of the template's sections only (one regenerated); `elsewhere` are the
 * statements of the note's other sections, which may carry a key sentence already.
 */
export function withKeyFacts(
  note: GeneratedNote,
  template: NoteTemplate,
  segments: readonly NoteSegment[],
  elsewhere: readonly NoteItem[] = [],
  riskHits?: readonly RiskHit[],
): GeneratedNote {
  const statements = [...note.content.sections.flatMap((s) => s.items), ...elsewhere];
  const carried = (segmentId: string, sentence: string) =>
    statements.some((item) => item.segmentIds.includes(segmentId) && carries(item.text, sentence));
  const keys = note.content.sections.map((s) => s.key);
  const found = extractiveSections(template, segments, {
    onlySections: keys,
    onlyKinds: KEY_KINDS,
    maxPerSection: PER_SECTION,
    repeatForEmpty: false,
    riskHits,
  });
  let added = 0;
  const content: NoteContent = {
    ...note.content,
    sections: note.content.sections.map((section) => {
      const missing = (found.find((f) => f.key === section.key)?.items ?? []).filter(
        (item) => item.supported && !item.segmentIds.some((id) => carried(id, item.quote)),
      );
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
        `${added} key ${added === 1 ? 'sentence' : 'sentences'} from the transcript (the main concern, ratings, scores, medication, interventions, homework, next appointment, risk and safety) that the model left out ${added === 1 ? 'was' : 'were'} added, marked as the transcript’s words.`,
      ],
    },
  };
}
