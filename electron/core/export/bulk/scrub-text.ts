import { findIdentifiers, placeholderFor, type Finding } from '../../sync/deidentify';

/**
 * Free text of a pseudonymised export, through the same de-identifier as the S3 abstracts: every
 * identifier becomes its placeholder ("[NAME]", "[PHONE]"), except the client's own name, which
 * becomes the client's pseudonym, so a reader can still tell the client from the people they
 * mention without learning who they are.
 */
export interface ScrubNames {
  /** Everyone the text may name (client, speakers, signers): matched as whole words, any case. */
  knownNames: readonly string[];
  /** The client's name and its pseudonym; null for a session without a client. */
  client: { name: string; pseudonym: string } | null;
}

/** Between the texts joined for one pass: no identifier pattern spans a blank line and a pilcrow. */
const SEPARATOR = '\n\n¶\n\n';

/** "Maria Lopez's" → "maria lopez": how a found name is compared with the client's. */
const nameKey = (text: string) =>
  text
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/\s+/g, ' ')
    .trim();

function clientKeys(name: string): Set<string> {
  const whole = nameKey(name);
  return new Set([whole, ...whole.split(' ').filter((part) => part.length >= 2)]);
}

/**
 * The texts with identifiers replaced, in the same order. One de-identifier pass over all of them
 * (a session's transcript is thousands of short segments; one pass costs far less than thousands),
 * then each finding is cut back to the text it lies in.
 */
export function scrubTexts(texts: readonly string[], names: ScrubNames): string[] {
  if (texts.length === 0) return [];
  const joined = texts.join(SEPARATOR);
  const findings = findIdentifiers(joined, { knownNames: names.knownNames });
  const keys = names.client ? clientKeys(names.client.name) : new Set<string>();
  const replacement = (found: Finding) =>
    found.category === 'NAME' && names.client && keys.has(nameKey(found.text))
      ? names.client.pseudonym
      : placeholderFor(found.category);
  const out: string[] = [];
  let offset = 0;
  let next = 0;
  for (const text of texts) {
    const end = offset + text.length;
    let result = '';
    let last = offset;
    while (next < findings.length && (findings[next]?.start ?? end) < end) {
      const found = findings[next] as Finding;
      const start = Math.max(found.start, offset);
      result += joined.slice(last, start) + replacement(found);
      last = Math.min(found.end, end);
      // A finding that runs past this text is placed again in the next (never in practice).
      if (found.end > end) break;
      next += 1;
    }
    out.push(result + joined.slice(last, end));
    offset = end + SEPARATOR.length;
    while (next < findings.length && (findings[next]?.end ?? 0) <= offset) next += 1;
  }
  return out;
}
