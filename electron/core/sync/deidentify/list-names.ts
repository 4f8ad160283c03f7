import { EVIDENCE, type Candidate } from './combine';
import {
  AMBIGUOUS_GIVEN_NAMES,
  COUNTRIES,
  inList,
  MONTHS,
  NOT_IDENTIFYING,
  US_STATES,
  WEEKDAYS,
} from './lexicon';
import { finding, startsSentence } from './text-spans';
import {
  isCommonEnglish,
  isCountryOrDemonym,
  isDistinctGivenName,
  isEnglishWord,
  isFamilyName,
  isGazetteerPlace,
  isGivenName,
  listKey,
  wordList,
} from './word-lists';

/**
 * Person names from the big name lists, where capitalisation says nothing: ASR writes
 * "tracy sukhorukova" and "my friend john", and a sentence's first word is capitalised anyway.
 *
 * - A given name followed by a family name, or by a word no English list knows, is a full name
 *   in any case ("kristin crnić", "Tracy Sukhorukova").
 * - In lower case, a given name that is not also an English word is a name on its own ("john",
 *   "lilly"); one that is ("will", "grace", "mark") is left to the context patterns.
 * - Philter's rule at a sentence start, where a capital proves nothing: a word that no English
 *   list knows and that is not a clinical or brand word the lexicon lists is suspect ("Krylova.",
 *   "Delvis spent…"). Mid-sentence capitalised words are name-patterns.ts's job already.
 */

const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;

/** Chat and interview roles that label lines: never a person's name. */
const CHAT_ROLES = new Set(
  'bot|user|agent|assistant|system|operator|caller|interviewer|interviewee|moderator|host|guest|narrator|admin'.split(
    '|',
  ),
);

function isKnownNonName(word: string): boolean {
  return (
    CHAT_ROLES.has(word.toLowerCase()) ||
    inList(NOT_IDENTIFYING, word) ||
    inList(MONTHS, word) ||
    inList(WEEKDAYS, word) ||
    inList(US_STATES, word) ||
    inList(COUNTRIES, word) ||
    isCountryOrDemonym(word)
  );
}

/**
 * A given name that needs no context: one of the frequent names, or a rarer one that is neither an
 * English word nor a town's name, nor as short as most abbreviations ("med", "dev", "cambridge").
 */
function isStandaloneGivenName(word: string): boolean {
  if (!isDistinctGivenName(word) || isKnownNonName(word)) return false;
  if (wordList('given-names-frequent').has(listKey(word))) return true;
  return word.length >= 4 && !isEnglishWord(word) && !isGazetteerPlace(word);
}

/**
 * A family name alone in lower case ("talked to eriksson"): only a long one that no English list,
 * gazetteer or given-name list knows, so "brown", "young", "paris" and "jordan" need context.
 */
function isStandaloneFamilyName(word: string): boolean {
  return (
    word.length >= 5 &&
    isFamilyName(word) &&
    !isEnglishWord(word) &&
    !isGivenName(word) &&
    !isGazetteerPlace(word) &&
    !isKnownNonName(word)
  );
}

/** What may follow a given name as its family name. */
function isSurnameLike(word: string): boolean {
  if (word.length < 2 || isCommonEnglish(word) || isKnownNonName(word)) return false;
  return isFamilyName(word) || !isEnglishWord(word);
}

const isLowerCase = (word: string) => word === word.toLowerCase();

const isJoiner = (word: string) =>
  /^\p{L}$/u.test(word) ||
  /^(?:van|von|der|den|de|del|della|da|di|du|la|le|ter|ten|bin|ibn)$/.test(word);

/** Two words with only spaces (or an initial's full stop) between them. */
const spaced = (text: string, a: { end: number } | undefined, b: { start: number } | undefined) =>
  a !== undefined && b !== undefined && /^\.?[ \t]+$/.test(text.slice(a.end, b.start));

/**
 * A name that is also an everyday word ("Frank", "Will", "Hope") is a person when it is the one
 * speaking or handing something over: "Frank had given Tyler…", "Hope said…", "Will texted me".
 */
const SPEAKS_AFTER =
  /^[ \t]+(?:(?:had|has|then|just|also|never|finally)[ \t]+)?(?:said|says|told|tells|asked|asks|called|calls|texted|texts|emailed|wrote|writes|replied|answered|yelled|shouted|whispered|gave|given|sent|promised|admitted|explained|insisted)\b/;

/**
 * A speaker label at the start of a line ("Emily: Remember me?", "Mariah:\"I'm…\""): in a
 * transcript or a chat log the label is the speaker's name. Role labels ("Clinician:", "Client:",
 * "Phone:", "Where:") are everyday words and stay.
 */
const SPEAKER_LABEL =
  /(?:^|\n)[ \t]*((?:\p{Lu}[\p{L}'’-]+)(?:[ \t]+\p{Lu}[\p{L}'’-]+){0,2})[ \t]*:(?![/\d])/gu;

function speakerLabels(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(SPEAKER_LABEL)) {
    const label = match[1] ?? '';
    const words = label.split(/[ \t]+/);
    const isRole = (w: string) =>
      isKnownNonName(w) || (isCommonEnglish(w) && !inList(AMBIGUOUS_GIVEN_NAMES, w));
    if (words.every(isRole)) continue;
    const start = match.index + match[0].indexOf(label);
    found.push({
      ...finding(text, 'NAME', start, start + label.length),
      evidence: EVIDENCE.pattern,
    });
  }
  return found;
}

/**
 * The one something is given to ("had given shamhan his address", "told okoro her plan"): a
 * word no English list knows between a giving verb and a possessive is a person, in any case.
 */
const RECIPIENT =
  /\b(?:gave|given|give|gives|told|tell|tells|asked|ask|sent|send|showed|show|handed|texted|emailed|lent|owed|promised)[ \t]+(\p{L}[\p{L}\p{M}'’-]*)[ \t]+(?:his|her|their|my|our|your)\b/giu;

function recipients(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(RECIPIENT)) {
    const word = match[1] ?? '';
    if (word.length < 3 || isEnglishWord(word) || isKnownNonName(word)) continue;
    const start = match.index + match[0].indexOf(word, match[0].search(/[ \t]/));
    found.push({
      ...finding(text, 'NAME', start, start + word.length),
      evidence: EVIDENCE.pattern,
    });
  }
  return found;
}

export function findListNames(text: string): Candidate[] {
  const found: Candidate[] = [...speakerLabels(text), ...recipients(text)];
  const words = [...text.matchAll(WORD)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!word) continue;
    // Skip middle initials and particles: "Tomasz J. Wiśniewski", "Anneke van den Berg".
    let k = i + 1;
    while (k < i + 4 && isJoiner(words[k]?.text ?? '') && spaced(text, words[k - 1], words[k])) k++;
    const next = words[k];
    const adjacent = next !== undefined && spaced(text, words[k - 1], next);
    // Capitalised, any given name may start a full name, even one that is an everyday word
    // ("Miles Davidson", "Guy Bonneville"): the family name after it carries the evidence.
    const capitalisedPair =
      /^\p{Lu}\p{Ll}/u.test(word.text) &&
      /^\p{Lu}\p{Ll}/u.test(next?.text ?? '') &&
      isGivenName(word.text) &&
      (!isCommonEnglish(word.text) || inList(AMBIGUOUS_GIVEN_NAMES, word.text));
    const given = (isDistinctGivenName(word.text) && !isKnownNonName(word.text)) || capitalisedPair;
    if (given && adjacent && isSurnameLike(next.text)) {
      found.push({ ...finding(text, 'NAME', word.start, next.end), evidence: EVIDENCE.model });
      i = k;
      continue;
    }
    if (
      /^\p{Lu}\p{Ll}+$/u.test(word.text) &&
      inList(AMBIGUOUS_GIVEN_NAMES, word.text) &&
      SPEAKS_AFTER.test(text.slice(word.end))
    ) {
      found.push({ ...finding(text, 'NAME', word.start, word.end), evidence: EVIDENCE.pattern });
      continue;
    }
    if (isLowerCase(word.text) && isStandaloneGivenName(word.text)) {
      found.push({ ...finding(text, 'NAME', word.start, word.end), evidence: EVIDENCE.guess });
      continue;
    }
    if (isLowerCase(word.text) && isStandaloneFamilyName(word.text)) {
      found.push({ ...finding(text, 'NAME', word.start, word.end), evidence: EVIDENCE.guess });
      continue;
    }
    if (/^\p{Lu}\p{Ll}{2}/u.test(word.text) && startsSentence(text, word.start)) {
      const unknown =
        !isEnglishWord(word.text) &&
        !isKnownNonName(word.text) &&
        !inList(AMBIGUOUS_GIVEN_NAMES, word.text) &&
        !(
          isGazetteerPlace(word.text) &&
          !isDistinctGivenName(word.text) &&
          !isFamilyName(word.text)
        );
      if (unknown && !/['’]/.test(word.text)) {
        found.push({ ...finding(text, 'NAME', word.start, word.end), evidence: EVIDENCE.guess });
      }
    }
  }
  return found;
}
