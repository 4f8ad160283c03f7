import type { SnippetPart } from '../../../shared/api/search-schemas';

/** FTS5's snippet() marks matches with these (control characters never found in speech). */
export const MARK_OPEN = '\u0001';
export const MARK_CLOSE = '\u0002';
const MARKS = new RegExp(`([${MARK_OPEN}${MARK_CLOSE}])`, 'u');

/** Words of context FTS5 keeps around the matches. */
export const SNIPPET_TOKENS = 16;

/** A marked snippet as parts; never HTML, so the desk renders the text as text. */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (text: string, highlight: boolean) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last?.highlight === highlight) last.text += text;
    else parts.push({ text, highlight });
  };
  let highlight = false;
  for (const piece of marked.split(MARKS)) {
    if (piece === MARK_OPEN) highlight = true;
    else if (piece === MARK_CLOSE) highlight = false;
    else push(piece, highlight);
  }
  return parts;
}

/** The start of a passage found by meaning alone: nothing to highlight, cut at a word. */
export function plainSnippet(text: string, maxWords = 30): SnippetPart[] {
  const words = text.trim().split(/\s+/);
  const cut = words.length > maxWords ? `${words.slice(0, maxWords).join(' ')}…` : words.join(' ');
  return cut ? [{ text: cut, highlight: false }] : [];
}
