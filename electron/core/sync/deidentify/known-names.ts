import type { Finding } from './categories';
import { AMBIGUOUS_GIVEN_NAMES, inList } from './lexicon';
import { escapeRegExp, finding } from './text-spans';

/**
 * The session's own dictionary: the client, the speakers, the people mentioned. Each full name
 * and each of its parts ("Maria Lopez" → "Maria Lopez", "Maria", "Lopez") is matched as a whole
 * word, in any case ("maria", "LOPEZ"), possessives included ("Maria's" → the name without "'s").
 * Nicknames are matched only when the dictionary lists them: "Danny" is not guessed from "Daniel".
 *
 * A part that is also an everyday word ("Will", "Hope", "Grace") is matched only capitalised:
 * otherwise every "I will" in a session would become "I [NAME]".
 */

/** Particles and suffixes of full names that are not names on their own. */
const NOT_A_NAME_PART = new Set([
  'de',
  'del',
  'della',
  'da',
  'di',
  'du',
  'la',
  'le',
  'van',
  'von',
  'der',
  'den',
  'bin',
  'ibn',
  'al',
  'el',
  'st',
  'jr',
  'sr',
  'ii',
  'iii',
  'iv',
  'mr',
  'mrs',
  'ms',
  'dr',
  'and',
  'the',
]);

interface DictionaryEntry {
  pattern: RegExp;
}

function namePatterns(knownNames: readonly string[]): DictionaryEntry[] {
  const insensitive = new Set<string>();
  const capitalisedOnly = new Set<string>();
  for (const fullName of knownNames) {
    const cleaned = fullName.trim().replace(/\s+/g, ' ');
    if (cleaned.length < 2) continue;
    const parts = cleaned
      .split(' ')
      .map((part) => part.replace(/[.,]$/, ''))
      .filter((part) => part.length >= 2 && !NOT_A_NAME_PART.has(part.toLowerCase()));
    for (const variant of [cleaned, ...parts]) {
      if (variant.includes(' ') || !inList(AMBIGUOUS_GIVEN_NAMES, variant))
        insensitive.add(variant);
      else capitalisedOnly.add(variant.charAt(0).toUpperCase() + variant.slice(1).toLowerCase());
    }
  }
  // Longest first, so "Maria Lopez" is one span rather than two.
  const alternation = (names: Set<string>) =>
    [...names]
      .sort((a, b) => b.length - a.length)
      .map((name) => escapeRegExp(name).replace(/ /g, '\\s+'))
      .join('|');
  const entries: DictionaryEntry[] = [];
  const boundary = (body: string, flags: string) =>
    new RegExp(`(?<![\\p{L}\\p{N}_])(?:${body})(?![\\p{L}\\p{N}_])`, flags);
  if (insensitive.size > 0) entries.push({ pattern: boundary(alternation(insensitive), 'giu') });
  if (capitalisedOnly.size > 0) {
    entries.push({ pattern: boundary(alternation(capitalisedOnly), 'gu') });
  }
  return entries;
}

export function findKnownNames(text: string, knownNames: readonly string[]): Finding[] {
  const found: Finding[] = [];
  for (const { pattern } of namePatterns(knownNames)) {
    for (const match of text.matchAll(pattern)) {
      found.push(finding(text, 'NAME', match.index, match.index + match[0].length));
    }
  }
  return found;
}
