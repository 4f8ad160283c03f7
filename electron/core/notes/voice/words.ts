/**
 * Words as the voice room compares them: lower-cased runs of letters, digits and apostrophes.
 * Punctuation is not a word, so "client." and "client" are the same word to every measure here.
 */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
}

/** A section's statements as one text, a statement a line (how examples are stored and shown). */
export function statementsText(items: readonly { text: string }[]): string {
  return items
    .map((item) => item.text.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/**
 * Word-level edit distance (insertions, deletions, substitutions of whole words) over the longer
 * text's length: 0 the same words, 1 nothing in common. The bench's measure of "how far is this
 * draft from what the clinician would sign".
 */
export function wordEditDistance(a: string, b: string): number {
  const x = wordsOf(a);
  const y = wordsOf(b);
  const longest = Math.max(x.length, y.length);
  if (longest === 0) return 0;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= y.length; j += 1)
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return (previous[y.length] ?? 0) / longest;
}
