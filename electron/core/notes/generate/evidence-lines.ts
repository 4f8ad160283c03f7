import { escapeTranscriptText, type PromptLine } from './prompts';

/**
 * The evidence a model may cite: every sentence of the transcript lines it is shown, prefixed
 * with its line's reference ("[s12] I lie awake most nights."). Offered to the model as the only
 * values it can pick, so what it cites is verbatim; parsed back into reference and quote.
 */

/** Long sentences are cut at a word: evidence is a pointer into the transcript, not a copy. */
const MAX_EVIDENCE_CHARS = 160;

/**
 * Splits at . ! ? … followed by space (a dot inside "7.5" does not end a sentence); a sentence
 * longer than `maxChars` is cut at a word. Shared with the extractive draft.
 */
export function splitSentences(text: string, maxChars = MAX_EVIDENCE_CHARS): string[] {
  return text
    .split(/(?<=[.!?…])\s+/)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s))
    .map((s) => (s.length <= maxChars ? s : cutAtWord(s, maxChars)));
}

function cutAtWord(text: string, max: number): string {
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return space > max / 2 ? cut.slice(0, space) : cut;
}

export function evidenceLines(lines: readonly PromptLine[]): string[] {
  return [
    ...new Set(
      lines.flatMap((line) =>
        splitSentences(escapeTranscriptText(line.text)).map(
          (sentence) => `[${line.ref}] ${sentence}`,
        ),
      ),
    ),
  ];
}

export interface ParsedEvidence {
  ref: string;
  quote: string;
}

export function parseEvidence(entry: string): ParsedEvidence {
  const match = /^\[([^\]]+)\]\s*(.*)$/s.exec(entry.trim());
  return match ? { ref: match[1] ?? '', quote: match[2] ?? '' } : { ref: '', quote: entry.trim() };
}
