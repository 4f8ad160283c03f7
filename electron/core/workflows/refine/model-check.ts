import type { NoteContent } from '../../../../shared/api/note-schemas';
import { rulesFor } from './rules';

/**
 * Whether the notes model's revision did what was asked, where that can be measured: a small
 * model asked for "shorter" often writes more, or loops on a phrase. Such an answer is not
 * offered; the rules' revision is, with this reason. Returns the reason, or null when usable.
 */

/** A run of this many words said this many times in one section is a model looping. */
const LOOP_WORDS = 6;
const LOOP_TIMES = 3;

const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];

function sectionWords(content: NoteContent, targets: readonly string[]): string[][] {
  return content.sections
    .filter((s) => targets.includes(s.key))
    .map((s) => s.items.flatMap((item) => wordsOf(item.text)));
}

function loops(words: readonly string[]): boolean {
  const seen = new Map<string, number>();
  for (let i = 0; i + LOOP_WORDS <= words.length; i += 1) {
    const run = words.slice(i, i + LOOP_WORDS).join(' ');
    const times = (seen.get(run) ?? 0) + 1;
    if (times >= LOOP_TIMES) return true;
    seen.set(run, times);
  }
  return false;
}

export function modelRevisionProblem(
  request: string,
  base: NoteContent,
  proposed: NoteContent,
  targets: readonly string[],
): string | null {
  const after = sectionWords(proposed, targets);
  if (after.some(loops)) return 'The notes model repeated itself instead of revising';
  if (rulesFor(request).includes('shorter')) {
    const before = sectionWords(base, targets).flat().length;
    const now = after.flat().length;
    if (before > 0 && now >= before)
      return `The notes model's revision was not shorter (${now} words for ${before})`;
  }
  return null;
}
