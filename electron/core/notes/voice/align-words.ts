import { diffArrays } from 'diff';
import { wordsOf } from './words';

/**
 * What a clinician changed between the AI's statement and theirs, as word-level hunks: the words
 * the draft had at a place and the words the clinician put there instead (aligned by jsdiff).
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

/** Longer sections are compared on their first words only: no section needs more to learn from. */
const MAX_WORDS = 1500;

export function changedHunks(draft: string, final: string): Hunk[] {
  const a = tokensOf(draft).slice(0, MAX_WORDS);
  const b = tokensOf(final).slice(0, MAX_WORDS);
  const hunks: Hunk[] = [];
  let open: Hunk = { removed: [], added: [] };
  const close = (next?: string) => {
    if (open.removed.length > 0 || open.added.length > 0)
      hunks.push(next === undefined || next === STATEMENT_BREAK ? open : { ...open, next });
    open = { removed: [], added: [] };
  };
  for (const change of diffArrays(a, b)) {
    if (change.added) open.added.push(...change.value);
    else if (change.removed) open.removed.push(...change.value);
    else close(change.value[0]);
  }
  close();
  return hunks;
}
