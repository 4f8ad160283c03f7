import { PLACEHOLDER_PATTERN, type Finding, type IdentifierCategory } from './categories';

export function finding(
  text: string,
  category: IdentifierCategory,
  start: number,
  end: number,
): Finding {
  return { category, start, end, text: text.slice(start, end) };
}

/** A finding for capture group `group` of a regex match made with the `d` (indices) flag. */
export function groupFinding(
  text: string,
  category: IdentifierCategory,
  match: RegExpExecArray | RegExpMatchArray,
  group: number,
): Finding | undefined {
  const range = match.indices?.[group];
  if (!range) return undefined;
  const [start, end] = range;
  return start < end ? finding(text, category, start, end) : undefined;
}

/**
 * The text with every placeholder already in it blanked out (same length, so offsets hold): a
 * de-identified payload is scanned again before upload, and "[NAME]" must not be read as a name
 * (or "Dr. [NAME]" as a title followed by one).
 */
export function maskPlaceholders(text: string): string {
  return (
    text
      .replace(PLACEHOLDER_PATTERN, (placeholder) => ' '.repeat(placeholder.length))
      // Text pasted from JSON or a log keeps its line breaks escaped ("Phone:\\n(029) 0059-366"):
      // read them as breaks, or "n(029)" and "nShemsedin" hide what follows. Same length.
      .replace(/\\[nr]/g, ' \n')
  );
}

/** True where a word starts a sentence, a speaker's turn ("Clinician: …") or a quotation. */
export function startsSentence(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 8), index);
  // A line break starts one too: notes, chat logs and address blocks put a label or a name there.
  if (index === 0 || /^\s*$/.test(before) || /\n[ \t]*$/.test(before)) return true;
  // "Dr. Okafor", "St. Mary's": the full stop of an abbreviation does not end a sentence.
  if (ABBREVIATION_BEFORE.test(before)) return false;
  return /[.!?:;"“(—–]\s*$/.test(before);
}

const ABBREVIATION_BEFORE =
  /\b(?:Dr|Mr|Mrs|Ms|Mx|St|Sgt|Jr|Sr|Prof|Rev|Fr|Mt|Ft|Lt|Capt|Det|No|vs|Apt|Ave|[A-Z])\.\s*$/;

/** "Maria's" → the end of "Maria": placeholders read better as "[NAME]'s". */
export function endWithoutPossessive(text: string, start: number, end: number): number {
  const value = text.slice(start, end);
  const possessive = /['’]s?$/.exec(value);
  return possessive && possessive.index > 0 ? start + possessive.index : end;
}

export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
