import type { NoteContent } from '../../../../shared/api/note-schemas';
import type { Replacement } from './profile';

/**
 * The clinician's sure replacements (seen in at least two of their examples) applied to a new
 * draft's statements: whole words only, the draft's capitalisation kept. Only the statement's
 * text changes; its quote and cited segments are the transcript's and stay as they are.
 */

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function keepCase(found: string, replacement: string): string {
  if (found === found.toUpperCase() && found.length > 1) return replacement.toUpperCase();
  const first = found[0] ?? '';
  return first === first.toUpperCase() && first !== first.toLowerCase()
    ? replacement.charAt(0).toUpperCase() + replacement.slice(1)
    : replacement;
}

/**
 * One statement with the replacements applied, in one pass (so "patient" → "client" and
 * "client" → "Client" cannot chain); the longer phrase wins where two start at the same word.
 */
export function replaceTerms(text: string, replacements: readonly Replacement[]): string {
  if (replacements.length === 0) return text;
  const to = new Map(replacements.map((r) => [r.from, r.to]));
  const phrases = [...to.keys()]
    .sort((a, b) => b.length - a.length)
    // Words of the phrase may be separated by any spaces.
    .map((from) => from.split(' ').map(escape).join('\\s+'));
  // Letters or digits on either side block a match: whole words only.
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}'])(?:${phrases.join('|')})(?![\\p{L}\\p{N}'])`,
    'giu',
  );
  return text.replace(pattern, (found) =>
    keepCase(found, to.get(found.toLowerCase().replace(/\s+/g, ' ')) ?? found),
  );
}

/** The content with the AI's statements reworded; the count of statements changed. */
export function applyReplacements(
  content: NoteContent,
  replacements: readonly Replacement[],
): { content: NoteContent; changed: number } {
  if (replacements.length === 0) return { content, changed: 0 };
  let changed = 0;
  const sections = content.sections.map((section) => ({
    ...section,
    items: section.items.map((item) => {
      // The extractive floor's statements are transcript sentences: they are not reworded.
      if (item.origin !== 'ai') return item;
      const text = replaceTerms(item.text, replacements);
      if (text === item.text) return item;
      changed += 1;
      return { ...item, text };
    }),
  }));
  return { content: { ...content, sections }, changed };
}
