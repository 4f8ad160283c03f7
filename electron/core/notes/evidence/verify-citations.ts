/**
 * Checks the evidence behind each statement of a generated note, so the clinician can trust it or
 * see at once what to check: every cited segment must exist, and the quoted words must appear in
 * one of them. A statement that fails is kept but marked unsupported, never silently dropped or
 * silently kept.
 */

export interface NoteItem {
  text: string;
  segmentIds: string[];
  quote: string;
  [field: string]: unknown;
}

export interface VerifiedItem extends NoteItem {
  supported: boolean;
  /** Why it is not supported, for the clinician (empty when supported). */
  problems: string[];
}

/** Share of the quote's words that must appear, in order, in a cited segment. */
const QUOTE_MATCH = 0.8;

/**
 * Speech-to-text and the model both bend wording a little ("gonna"/"going to" aside, punctuation,
 * case, a dropped filler): words are compared lower-cased without punctuation, and the quote is
 * found when most of its words appear in a segment in the same order.
 */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^a-z0-9']+/)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter((w) => w.length > 0);
}

/** Length of the longest common subsequence of two word lists. */
function commonInOrder(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const word of a) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j += 1)
      current[j] =
        word === b[j - 1]
          ? (previous[j - 1] ?? 0) + 1
          : Math.max(previous[j] ?? 0, current[j - 1] ?? 0);
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Whether `quote` is (nearly) word for word in `segmentText`. */
export function quoteAppearsIn(quote: string, segmentText: string): boolean {
  const quoted = words(quote);
  if (quoted.length === 0) return false;
  return commonInOrder(quoted, words(segmentText)) >= Math.ceil(quoted.length * QUOTE_MATCH);
}

export function verifyItem(item: NoteItem, segments: ReadonlyMap<string, string>): VerifiedItem {
  const problems: string[] = [];
  const cited = item.segmentIds.filter((id) => segments.has(id));
  const missing = item.segmentIds.filter((id) => !segments.has(id));
  if (item.segmentIds.length === 0) problems.push('It cites no part of the transcript.');
  if (missing.length > 0)
    problems.push(
      missing.length === 1
        ? 'It cites a segment that does not exist.'
        : 'It cites segments that do not exist.',
    );
  if (cited.length > 0 && !cited.some((id) => quoteAppearsIn(item.quote, segments.get(id) ?? '')))
    problems.push('Its quote does not appear in the segments it cites.');
  if (cited.length > 0 && words(item.quote).length === 0) problems.push('It quotes nothing.');
  return { ...item, supported: problems.length === 0, problems: [...new Set(problems)] };
}

/** Every section's items verified against the session's segments (id → text). */
export function verifyNote(
  note: Readonly<Record<string, readonly NoteItem[]>>,
  segments: ReadonlyMap<string, string>,
): { sections: Record<string, VerifiedItem[]>; unsupported: number } {
  const sections = Object.fromEntries(
    Object.entries(note).map(([key, items]) => [key, items.map((i) => verifyItem(i, segments))]),
  );
  const unsupported = Object.values(sections)
    .flat()
    .filter((item) => !item.supported).length;
  return { sections, unsupported };
}
