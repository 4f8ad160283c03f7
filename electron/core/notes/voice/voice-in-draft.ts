import type { NoteSection } from '../../../../shared/api/note-schemas';
import { applyReplacements } from './apply-voice';
import type { VoiceGuide } from './voice-guide';
import { wordEditDistance, wordsOf } from './words';

/**
 * The two places the clinician's voice enters a draft, kept here so note generation only calls
 * them: the examples added to each section's ask, and the sure replacements applied to the
 * model's statements afterwards (with an honest line in the draft's warnings).
 */

/** At most this share of the context (in characters, ~4 a token) goes to the examples. */
const CONTEXT_SHARE_CHARS = 0.5;
const MAX_CHARS = 1600;

export interface VoiceAsker {
  ask: (key: string) => string;
  /** The longest statement the clinician signs in the section, or null (see VoiceGuide). */
  statementChars: (key: string) => number | null;
  /** The example statements each section's ask showed (by section key). */
  shown: ReadonlyMap<string, string[]>;
}

/** The statements of the examples an ask shows: "Draft: a / b" and "Signed: c" lines. */
const shownStatements = (ask: string) =>
  ask
    .split('\n')
    .filter((line) => line.startsWith('Draft: ') || line.startsWith('Signed: '))
    .flatMap((line) => line.replace(/^(?:Draft|Signed): /, '').split(' / '));

export function voiceAsker(
  guide: VoiceGuide | null | undefined,
  segments: readonly { text: string }[],
  contextSize: number,
): VoiceAsker {
  const shown = new Map<string, string[]>();
  if (!guide) return { ask: () => '', statementChars: () => null, shown };
  // What the draft is about: the session's words, compared with each example's AI draft.
  const about = segments.map((s) => s.text).join(' ');
  const maxChars = Math.min(MAX_CHARS, Math.floor(contextSize * CONTEXT_SHARE_CHARS));
  return {
    ask: (key) => {
      const text = guide.askFor(key, about, maxChars);
      const statements = shownStatements(text);
      if (statements.length > 0) shown.set(key, statements);
      return text;
    },
    statementChars: (key) => guide.statementChars(key),
    shown,
  };
}

/** A copy is this close in words (and long enough to be a statement, not a phrase). */
const COPY_DISTANCE = 0.2;
const COPY_MIN_WORDS = 5;
const COPY_PROBLEM =
  'Repeats an example from an earlier signed note rather than this session: check it against the transcript.';

/**
 * A statement the length bound stopped ends at its last whole word, with "…" so the clinician
 * sees it was cut rather than reading a broken word as what the model meant.
 */
function endAtWord(section: NoteSection, bound: number | null): NoteSection {
  if (bound === null) return section;
  const cut = (text: string) => {
    if (text.length < bound - 1 || /[.!?…]$/.test(text)) return text;
    const lastSpace = text.trimEnd().lastIndexOf(' ');
    return lastSpace > 0 ? `${text.slice(0, lastSpace).replace(/[\s,;:]+$/, '')}…` : text;
  };
  return {
    ...section,
    items: section.items.map((item) =>
      item.origin === 'ai' ? { ...item, text: cut(item.text) } : item,
    ),
  };
}

/**
 * A small model shown examples may copy one: a statement about another session. It is kept, but
 * marked unsupported with the reason, like a statement whose citation did not check out.
 */
function markCopies(section: NoteSection, examples: readonly string[] | undefined): NoteSection {
  if (!examples) return section;
  const copies = (text: string) =>
    wordsOf(text).length >= COPY_MIN_WORDS &&
    examples.some((line) => wordEditDistance(text, line) < COPY_DISTANCE);
  return {
    ...section,
    items: section.items.map((item) =>
      item.origin === 'ai' && copies(item.text)
        ? { ...item, supported: false, problems: [...item.problems, COPY_PROBLEM] }
        : item,
    ),
  };
}

export function voicedDraft(
  drafted: NoteSection[],
  guide: VoiceGuide | null | undefined,
  asker: VoiceAsker,
): {
  sections: NoteSection[];
  warning?: string;
  metadata?: { examples: number; sectionsWithExamples: number; reworded: number };
} {
  if (!guide) return { sections: drafted };
  const sections = drafted.map((s) =>
    markCopies(endAtWord(s, asker.statementChars(s.key)), asker.shown.get(s.key)),
  );
  const sectionsWithExamples = asker.shown.size;
  const { content, changed } = applyReplacements(
    { templateId: '', templateVersion: 0, sections },
    guide.replacements,
  );
  const terms = guide.replacements
    .slice(0, 3)
    .map((r) => `"${r.to}" for "${r.from}"`)
    .join(', ');
  return {
    sections: content.sections,
    metadata: { examples: guide.examples, sectionsWithExamples, reworded: changed },
    ...(changed > 0 && {
      warning: `Cairn put your usual wording into ${changed} statement${changed === 1 ? '' : 's'} of this draft (${terms}), learned from notes you signed; the cited transcript is unchanged.`,
    }),
  };
}
