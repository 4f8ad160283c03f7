import type { IsolationResult } from '../../../../shared/api/couples-schemas';
import { PermanentError } from '../../errors';
import type { Framework } from '../../frameworks/library';
import { findIdentifiers } from '../../sync/deidentify';
import { FRAMEWORKS, THEMES } from '../../sync/abstract/vocabulary';
import { COUPLES_PHRASES } from './joint-summary';

/**
 * The isolation check: proof, not hope, that nothing of either partner's individual sessions is in
 * what a couples run made. Three independent tests over every string of the output:
 * 1. allow-list: each string is a vocabulary id or label, framework library text, or one of
 *    Cairn's own phrases;
 * 2. the de-identifier finds nothing (a finding that is itself library text, "Gottman", does not
 *    count: the library is Cairn's, not a partner's);
 * 3. no run of three words, and no name-like (capitalised) word, of a partner's own record
 *    appears, apart from what Cairn's own text also says.
 * Only counts leave this module: what a leak was is never logged or stored.
 */

/** Raised when the check fails: the run fails and nothing is kept. Counts only, never text. */
export class IsolationError extends PermanentError {
  constructor(readonly result: IsolationResult) {
    super(
      'isolation_failed',
      'The joint summary failed its isolation check (something from a partner’s individual sessions could have reached it), so it was not kept. Nothing was shared.',
    );
  }
}

/** Every string leaf of a value, keys left out (they are the schema's, not content). */
export function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

export const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];

export function trigrams(text: string): string[] {
  const words = wordsOf(text);
  const out: string[] = [];
  for (let i = 0; i + 2 < words.length; i += 1) out.push(words.slice(i, i + 3).join(' '));
  return out;
}

/** Capitalised words not opening a sentence (names, places), and every word of a name. */
export function nameTokens(text: string): string[] {
  const out: string[] = [];
  for (const sentence of text.split(/(?<=[.!?:;"“])\s+|\n+/)) {
    const words = sentence.match(/[\p{L}']+/gu) ?? [];
    words.forEach((word, index) => {
      if (index > 0 && word.length >= 3 && /^\p{Lu}/u.test(word)) out.push(word.toLowerCase());
    });
  }
  return out;
}

/** What Cairn itself may say: the allow-list, and its words for discounting coincidences. */
export interface AllowedText {
  strings: ReadonlySet<string>;
  trigrams: ReadonlySet<string>;
  words: ReadonlySet<string>;
  corpus: string;
}

export function allowedText(library: readonly Framework[]): AllowedText {
  const strings = new Set<string>([
    'rules',
    ...Object.values(COUPLES_PHRASES),
    ...[...THEMES, ...FRAMEWORKS].flatMap((t) => [t.id, t.label]),
    ...library.flatMap(stringsOf),
  ]);
  const corpus = [...strings].join('\n').toLowerCase();
  return {
    strings,
    trigrams: new Set([...strings].flatMap(trigrams)),
    words: new Set([...strings].flatMap(wordsOf)),
    corpus,
  };
}

/** Whether Cairn's own text says `found`, as whole words ("Gottman" yes, "Ann" in "annual" no). */
function inCorpus(corpus: string, found: string): boolean {
  const escaped = found.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])`, 'u').test(corpus);
}

/** Checks `output` against both partners' own material (see partnerMaterial). */
export function checkIsolation(
  output: unknown,
  partners: readonly (readonly string[])[],
  allowed: AllowedText,
): IsolationResult {
  const strings = stringsOf(output);
  const ownTrigrams = new Set<string>();
  const ownNames = new Set<string>();
  for (const material of partners)
    for (const text of material) {
      for (const gram of trigrams(text)) if (!allowed.trigrams.has(gram)) ownTrigrams.add(gram);
      for (const name of nameTokens(text)) if (!allowed.words.has(name)) ownNames.add(name);
    }
  // A client's name is theirs whatever its case or place: the first of `material` is the name.
  for (const material of partners)
    for (const word of wordsOf(material[0] ?? ''))
      if (word.length >= 2 && !allowed.words.has(word)) ownNames.add(word);

  let notAllowed = 0;
  let identifiers = 0;
  const phrases = new Set<string>();
  for (const text of strings) {
    if (!allowed.strings.has(text)) notAllowed += 1;
    identifiers += findIdentifiers(text).filter((f) => !inCorpus(allowed.corpus, f.text)).length;
    for (const gram of trigrams(text)) if (ownTrigrams.has(gram)) phrases.add(gram);
    for (const word of wordsOf(text)) if (ownNames.has(word)) phrases.add(word);
  }
  return {
    passed: notAllowed === 0 && identifiers === 0 && phrases.size === 0,
    checked: strings.length,
    notAllowed,
    identifiers,
    partnerPhrases: phrases.size,
  };
}
