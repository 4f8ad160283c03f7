/** Text handling the risk layers share: one reading of sentences and words for rules and meaning. */

/** A sentence of a segment: offsets into the segment, text with straightened apostrophes. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/** Straightens curly apostrophes and quotes, one code unit for one, so offsets still hold. */
export function straighten(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201B\u02BC\u00B4`]/g, "'")
    .replace(/[\u201C\u201D\u201E]/g, '"');
}

export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[a-z]+(?:'[a-z]+)*/g) ?? [];
}

/** A dot continues the sentence inside a number, or before a lowercase word ("I want to... die"). */
function continuesSentence(text: string, mark: string, cut: number): boolean {
  if (/[!?;\n]/.test(mark)) return false;
  const rest = text.slice(cut);
  return /^\w/.test(rest) || /^\s+[a-z]/.test(rest);
}

function pushTrimmed(sentences: Sentence[], text: string, from: number, to: number): void {
  const raw = text.slice(from, to);
  const start = from + (raw.length - raw.trimStart().length);
  const end = to - (raw.length - raw.trimEnd().length);
  if (end > start) sentences.push({ start, end, text: text.slice(start, end) });
}

/**
 * Sentences by their punctuation, and also at `breaks` (offsets where the speaker paused with no
 * punctuation written: see pause-breaks.ts).
 */
export function splitSentences(text: string, breaks: readonly number[] = []): Sentence[] {
  const cuts: number[] = [];
  for (const mark of text.matchAll(/[.!?;…]+["')\]]*|\n+/g)) {
    const cut = mark.index + mark[0].length;
    if (!continuesSentence(text, mark[0], cut)) cuts.push(cut);
  }
  const all = [...new Set([...cuts, ...breaks.filter((b) => b > 0 && b < text.length)])].sort(
    (a, b) => a - b,
  );
  const sentences: Sentence[] = [];
  let from = 0;
  for (const cut of all) {
    pushTrimmed(sentences, text, from, cut);
    from = cut;
  }
  pushTrimmed(sentences, text, from, text.length);
  return sentences;
}
