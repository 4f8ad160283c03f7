import type { Finding } from './categories';
import { EVIDENCE, type Candidate } from './combine';
import {
  AMBIGUOUS_GIVEN_NAMES,
  COUNTRIES,
  inList,
  MONTHS,
  NOT_IDENTIFYING,
  RELATIONS,
  TITLE_WORDS,
  TITLES,
  US_STATES,
  WEEKDAYS,
} from './lexicon';
import { endWithoutPossessive, finding, startsSentence } from './text-spans';
import {
  isCommonEnglish,
  isCountryOrDemonym,
  isFamilyName,
  isGazetteerPlace,
  isGivenName,
} from './word-lists';

/**
 * Person names from the words around them, for people the session's dictionary does not list:
 * after a title ("Dr. Okafor", "Aunt Denise"), after a relation ("my husband Daniel", "the social
 * worker, Heather Quinn"), after "named"/"called", and, as a last resort, any capitalised word in
 * mid-sentence that is not a known common word (transcripts capitalise proper nouns; when in doubt,
 * redact). A word that also reads as a common English word is trusted only with a title or relation.
 */

/** Any script's capitals and small letters: "Pesälä", "Barabás", "Honoré" are names too. */
const NAME_WORD =
  "(?:\\p{Lu}\\p{Ll}*\\p{Lu}\\p{Ll}+|\\p{Lu}\\p{Ll}+(?:['’-]\\p{Lu}?\\p{Ll}+)*|\\p{Lu}\\.)(?![\\p{L}\\p{M}\\p{N}_])";
/** One or two capitalised words: a first name, or first and last. */
const NAME = `(?:${NAME_WORD})(?:\\s+(?:${NAME_WORD}))?`;

/** "Mr. van Hecke", "Dr. de la Cruz": a surname's particle may follow the title. */
const AFTER_TITLE = new RegExp(
  `\\b(?:${TITLES})\\.?\\s+((?:(?:van|von|de|der|den|del|della|da|di|du|la|le|ter|ten)\\s+){0,2}${NAME})`,
  'gdu',
);
const AFTER_RELATION = new RegExp(
  `\\b(?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Yy]our|[Tt]he|[Aa]n?)\\s+(?:[a-z]+\\s+)?(?:${RELATIONS})(?:['’]s)?,?\\s+(${NAME})(?:(?:,?\\s+and|\\s*,)\\s+(${NAME}))?`,
  'gdu',
);
/** "a guy named Marcus", "everyone calls him Bobby"; not "a town called Millbrook". */
const AFTER_NAMING = new RegExp(
  `(?<!\\b(?:town|city|village|place|neighbou?rhood|area|suburb|street|road|school|bar|restaurant|company|store|shop|church|app|show|book|film|movie|band|song|group|program)\\s)\\b(?:named|called|calls\\s+(?:him|her|me|them)|call\\s+(?:him|her|me|them)|name\\s+is|name['’]s|[Nn]ame\\s*:|named\\s+(?:him|her|the\\s+baby|them))\\s+(${NAME})`,
  'gdu',
);

/** Middle initials ("A.", "Š") and name particles ("van der", "de la") inside a full name. */
const PARTICLE = /^(?:\p{Lu}\.?|van|von|der|den|de|del|della|da|di|du|la|le|ter|ten|bin|ibn|al)$/u;
const NAME_JOINER = `(?:(?:\\p{Lu}\\.?|van|von|der|den|de|del|della|da|di|du|la|le|ter|ten|bin|ibn|al)[ \\t]+)*`;

/** Capitalised words in mid-sentence; the start of a sentence is capitalised anyway. */
const CAPITALISED = new RegExp(
  `(?<![\\p{L}\\p{M}\\p{N}_'’.-])(${NAME_WORD})(?:[ \\t]+${NAME_JOINER}(${NAME_WORD}))*`,
  'gu',
);

export function isCommonCapitalised(word: string): boolean {
  const bare = word.replace(/['’]s$/, '').replace(/\.$/, '');
  return (
    inList(NOT_IDENTIFYING, bare) ||
    inList(TITLE_WORDS, bare) ||
    inList(MONTHS, bare) ||
    inList(WEEKDAYS, bare) ||
    inList(US_STATES, bare) ||
    inList(COUNTRIES, bare) ||
    // "Sudanese", "Denmark"; but "Jordan", "Chad", "Kenya" are people's names too.
    (isCountryOrDemonym(bare) && !isGivenName(bare))
  );
}

function nameFinding(text: string, start: number, end: number): Finding | undefined {
  const trimmedEnd = endWithoutPossessive(text, start, end);
  const words = [...text.slice(start, trimmedEnd).matchAll(/\S+/g)];
  // Keep the leading run of words that are not common ones ("Joe taught" is cut already; "Rose
  // Monday" keeps "Rose"); an initial or particle counts only with a name word after it.
  let keptEnd = start;
  for (const [index, word] of words.entries()) {
    const isJoiner = index > 0 && PARTICLE.test(word[0]);
    // "Christian Nobbs", "Jordan Reyes": a given name that is also a listed word, before a name.
    const next = words[index + 1]?.[0];
    const givenFirst =
      index === 0 && isGivenName(word[0]) && next !== undefined && !isCommonCapitalised(next);
    if (!isJoiner && !givenFirst && isCommonCapitalised(word[0])) break;
    if (!isJoiner) keptEnd = start + word.index + word[0].length;
  }
  if (keptEnd === start) return undefined;
  return finding(text, 'NAME', start, endWithoutPossessive(text, start, keptEnd));
}

/**
 * The safe list's side of the capitalised-word guess: "Wisdom and Discipline", "Article 50", "the
 * Treaty" are frequent English words that no name list or gazetteer has, so a capital alone does
 * not make them names ("Hill", "Marsh", "Baker" are surnames, and stay suspect). A title, a
 * relation or the session's dictionary still marks any word.
 */
function onlyEverydayWords(value: string): boolean {
  return value
    .split(/\s+/)
    .every(
      (word) =>
        isCommonEnglish(word) &&
        !isGivenName(word) &&
        !isFamilyName(word) &&
        !isGazetteerPlace(word),
    );
}

export function findNamesByContext(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const pattern of [AFTER_TITLE, AFTER_RELATION, AFTER_NAMING]) {
    for (const match of text.matchAll(pattern)) {
      for (const group of [1, 2]) {
        const range = match.indices?.[group];
        if (!range) continue;
        const name = nameFinding(text, range[0], range[1]);
        if (name) found.push({ ...name, evidence: EVIDENCE.pattern });
      }
    }
  }
  for (const match of text.matchAll(CAPITALISED)) {
    const start = match.index;
    const words = match[0].split(/\s+/);
    // At a sentence start only the words after the first are evidence of a name ("Tom and…" is
    // left to the NLP model and the dictionary).
    const atStart = startsSentence(text, start);
    const first = words[0] ?? '';
    if (atStart && words.length === 1) continue;
    if (atStart && (isCommonCapitalised(first) || inList(AMBIGUOUS_GIVEN_NAMES, first))) {
      const rest = match[0].slice(first.length).trimStart();
      if (rest === '') continue;
      const restStart = start + match[0].indexOf(rest, first.length);
      const name = nameFinding(text, restStart, restStart + rest.length);
      if (name && !onlyEverydayWords(name.text)) found.push({ ...name, evidence: EVIDENCE.guess });
      continue;
    }
    // Two capitalised words at a sentence start ("Anthony Russo is suing me") are still a name.
    if (atStart && words.length < 2) continue;
    const name = nameFinding(text, start, start + match[0].length);
    if (name && !onlyEverydayWords(name.text)) found.push({ ...name, evidence: EVIDENCE.guess });
  }
  return found;
}
