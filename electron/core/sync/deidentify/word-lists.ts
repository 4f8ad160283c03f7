import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { resolveResourcesDir } from '../../config/resources';

/**
 * The large word lists in ./lexicons (built by electron/dev/build-lexicons.ts from pinned packages;
 * provenance in lexicons/README.md): given names, family names, a gazetteer of towns, countries and
 * demonyms, English words in two frequency tiers, street and unit words. Each is read once, on first
 * use, into a Set of lower-case entries, so a lookup costs one hash. A missing file is an error,
 * never an empty list: a de-identifier that silently lost its lists would leak names.
 */

export const LEXICONS_DIR_ENV = 'CAIRN_LEXICONS_DIR';

type ListName =
  | 'given-names'
  | 'given-names-frequent'
  | 'family-names'
  | 'places'
  | 'countries'
  | 'english-common'
  | 'english-rare'
  | 'street-types'
  | 'street-types-en'
  | 'street-suffixes'
  | 'unit-types';

/**
 * Beside this module in the sources; in a packaged app under resources/lexicons (package.json's
 * extraResources), found by the same search as every other resource.
 */
function lexiconsDir(): string {
  const explicit = process.env[LEXICONS_DIR_ENV];
  if (explicit) return path.resolve(explicit);
  const here = path.join(__dirname, 'lexicons');
  if (existsSync(here)) return here;
  const resources = resolveResourcesDir();
  for (const candidate of [
    path.join(resources, 'lexicons'),
    path.join(resources, '..', 'electron/core/sync/deidentify/lexicons'),
  ]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`The de-identifier's word lists were not found beside ${resources}`);
}

const loaded = new Map<ListName, ReadonlySet<string>>();

export function wordList(name: ListName): ReadonlySet<string> {
  let list = loaded.get(name);
  if (!list) {
    const file = path.join(lexiconsDir(), `${name}.txt.gz`);
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    list = new Set(text.split('\n').filter(Boolean));
    loaded.set(name, list);
  }
  return list;
}

/** Lower-case NFC with plain apostrophes: the form every list is stored in. */
export function listKey(word: string): string {
  // Called for every word several times: ASCII needs no normalising, and most words are ASCII.
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(word)) return word.toLowerCase();
  return word.normalize('NFC').toLowerCase().replace(/[’‘]/g, "'");
}

/**
 * Spoken fillers and contractions ASR writes that SCOWL does not list, and that some given-name
 * lists do ("hey", "kinda" are names somewhere). Never names on their own.
 */
const SPOKEN = new Set(
  [
    'um|uh|uhm|erm|hrm|hmm|mm|mhm|hm|ah|oh|eh|huh|yeah|yep|yup|nope|nah|ok|okay|hey|hi|bye|anywho|teehee',
    'haha|hahaha|hehe|heh|yeh|naw|cya|yay|aww|awww|ooh|oops|lmao|lmfao|rofl|ugh|meh|phew|whoa',
    "gonna|wanna|gotta|kinda|sorta|lemme|dunno|gimme|ya|yo|y'all|ain't|ma'am|lil|fam|ish|goodluck|everytime",
    'lol|omg|btw|tbh|idk|imo|imho|irl|wtf|fyi|asap|tldr|tl|dr|gf|bf|pm|am|cuz|cos|coz|til|teh|dem|dev|edu',
    'lockdown|lockdowns|covid|telehealth|zoom|website|websites|webpage|e-mail|email|emails|online|app|apps|wifi|smartphone|selfie|podcast|login|username|password|hashtag',
    // Clinical shorthand a transcript or note uses in lower case.
    'med|meds|rx|dx|tx|hx|sx|psych|rehab|detox|mg|mcg|prn|bid|tid|qid|qhs|min|mins|hrs|yrs',
  ]
    .join('|')
    .split('|'),
);

/** "dont", "Youre", "Itll": a contraction typed without its apostrophe is an English word. */
function isContraction(key: string): boolean {
  const stem = /^(.+?)(?:n't|nt|'re|re|'ve|ve|'ll|ll|'d|d|'s|s|'m|m)$/.exec(key)?.[1];
  return (
    stem !== undefined &&
    /^(?:i|you|we|they|he|she|it|that|there|here|what|who|where|how|let|do|does|did|is|are|was|were|have|has|had|would|could|should|ca|wo|ai|must|might|need|life|now|everyone)$/.test(
      stem,
    )
  );
}

/** A frequent English word (SCOWL sizes 10–35), or a spoken filler. */
export function isCommonEnglish(word: string): boolean {
  const key = listKey(word);
  if (SPOKEN.has(key) || wordList('english-common').has(key) || isContraction(key)) return true;
  // "Societys", "Nobodys": a plural or possessive typed without its apostrophe.
  if (key.endsWith('s') && wordList('english-common').has(key.slice(0, -1))) return true;
  // "No-one", "Break-ups": every part an English word.
  return key.includes('-') && key.split('-').every((part) => wordList('english-common').has(part));
}

/** Any English word SCOWL lists up to size 70 (no proper nouns there). */
export function isEnglishWord(word: string): boolean {
  const key = listKey(word);
  return isCommonEnglish(key) || wordList('english-rare').has(key);
}

export const isGivenName = (word: string) => wordList('given-names').has(listKey(word));
export const isFamilyName = (word: string) => wordList('family-names').has(listKey(word));

/**
 * A given name that is not also a frequent English word: "Tracy", "john" (john is a rare English
 * word, the name is far more common), but not "will", "grace", "hope", "mark", which need context.
 */
export function isDistinctGivenName(word: string): boolean {
  return word.length >= 3 && isGivenName(word) && !isCommonEnglish(word);
}

export const isGazetteerPlace = (phrase: string) => wordList('places').has(listKey(phrase));

/** A country (ISO 3166 names and aliases in 18 languages) or a nationality adjective. */
export const isCountryOrDemonym = (phrase: string) =>
  wordList('countries').has(listKey(phrase).replace(/\s+/g, ' '));
