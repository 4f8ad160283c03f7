import { wordsOf } from './words';

/**
 * What a clinician changed between the AI's statement and theirs, as word-level hunks: the words
 * the draft had at a place and the words the clinician put there instead. A longest-common-
 * subsequence alignment over words, written here rather than taken from jsdiff (which the note
 * diff uses): among equally short alignments this one takes the draft's words out first, so a
 * repeated word (the second "the" of "the patient stated the …") stays matched and "the patient
 * stated" → "client reported" is learned as one replacement; jsdiff's Myers alignment matches the
 * first "the" instead and learns nothing usable. The table is small: statements are short.
 */
export interface Hunk {
  removed: string[];
  added: string[];
  /** The unchanged word right after the change in the same statement, if any. */
  next?: string;
}

/** Stands between statements, so a change never reads as running from one into the next. */
export const STATEMENT_BREAK = '\n';

const tokensOf = (text: string) =>
  text
    .split('\n')
    .map(wordsOf)
    .filter((words) => words.length > 0)
    .flatMap((words, i) => (i === 0 ? words : [STATEMENT_BREAK, ...words]));

/** Longer sections are compared on their first words only: the table grows as the product. */
const MAX_WORDS = 1500;

export function changedHunks(draft: string, final: string): Hunk[] {
  const a = tokensOf(draft).slice(0, MAX_WORDS);
  const b = tokensOf(final).slice(0, MAX_WORDS);
  // lcs(i, j): the longest common subsequence of a[i..] and b[j..], in one flat table.
  const width = b.length + 1;
  const table = new Uint16Array((a.length + 1) * width);
  const lcs = (i: number, j: number) => table[i * width + j] ?? 0;
  for (let i = a.length - 1; i >= 0; i -= 1)
    for (let j = b.length - 1; j >= 0; j -= 1)
      table[i * width + j] =
        a[i] === b[j] ? lcs(i + 1, j + 1) + 1 : Math.max(lcs(i + 1, j), lcs(i, j + 1));
  const hunks: Hunk[] = [];
  let open: Hunk = { removed: [], added: [] };
  const close = (next?: string) => {
    if (open.removed.length > 0 || open.added.length > 0)
      hunks.push(next === undefined || next === STATEMENT_BREAK ? open : { ...open, next });
    open = { removed: [], added: [] };
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      close(a[i]);
      i += 1;
      j += 1;
    } else if (i < a.length && (j >= b.length || lcs(i + 1, j) >= lcs(i, j + 1))) {
      // At a tie, take the draft's words out first: the change then ends before the repeated
      // word, so "the patient stated the" → "client reported the" is one replacement.
      open.removed.push(a[i] ?? '');
      i += 1;
    } else {
      open.added.push(b[j] ?? '');
      j += 1;
    }
  }
  close();
  return hunks;
}
