import { AMBIGUOUS_GIVEN_NAMES, inList, NOT_IDENTIFYING } from './lexicon';
import {
  isCommonEnglish,
  isEnglishWord,
  isFamilyName,
  isGazetteerPlace,
  isGivenName,
  listKey,
  wordList,
} from './word-lists';

/**
 * Speech recognisers and people typing fast often write without capitals ("talked to maria
 * gustavsen in tromsø"). Most detectors read a capital as evidence of a proper noun, so a caseless
 * text is first given the capitals a writer would have put — on names and places from the lists,
 * and on words no English list knows (Philter's safe-list idea: what is not a known common word is
 * suspect) — and the detectors then read that view. Only first letters change and only where the
 * capital has the same length, so every offset in the view is an offset in the original.
 */

const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;

/** "I", "I'm", "I'd": capitalised in any text, so they say nothing about whether it has case. */
const FIRST_PERSON_I = /^I(?:['’](?:m|d|ll|ve))?$/;

/** Clinical words SCOWL lacks ("derealization", "hypersomnia", "cptsd"): not proper nouns. */
const CLINICAL_SHAPE =
  /(?:ia|osis|itis|ism|isms|ization|isation|ology|phobia|mania|pathy|algia|emia|oma|ectomy|otomy|plasty|scopy|gram|therapy|tsd|pam|pine|tine|done|zole|pril|olol|azine)$/;

/**
 * Acronyms written small: no vowel ("mrn", "ssn"), a Roman numeral ("vii"), or one a record or a
 * clinic uses ("imei", "iban", "cpap").
 */
const LOWER_ACRONYM =
  /^(?:[^aeiouyáéíóúàèìòùäëïöüåæø]+|[ivxlcdm]+|imei|iban|cpap|bipap|udi|npi|dea|vin|ceos?|hmo|ppo|dob|icd|dsm|atm|ekg|ecg|eeg|mri|iop|ssri|snri|maoi)$/i;

/** "bloodwork", "waitlist", "cul-de-sac": every part a common English word. */
function isEnglishCompound(word: string): boolean {
  const parts = word.split('-');
  if (parts.length > 1) return parts.every((part) => isEnglishWord(part));
  for (let cut = 3; cut <= word.length - 3; cut++) {
    if (isCommonEnglish(word.slice(0, cut)) && isCommonEnglish(word.slice(cut))) return true;
  }
  return false;
}

/**
 * A text written without capitals: no word starts with one, apart from "I" (and, in a long text,
 * the odd acronym or brand a recogniser capitalised: at most one word in a hundred).
 */
export function isCaseless(text: string): boolean {
  let words = 0;
  let capitalised = 0;
  for (const match of text.matchAll(WORD)) {
    words++;
    if (/^\p{Lu}/u.test(match[0]) && !FIRST_PERSON_I.test(match[0])) capitalised++;
  }
  return words > 0 && capitalised <= Math.floor(words / 100);
}

/** A word a writer would capitalise: a name or place no common-English reading competes with. */
function wouldCapitalise(written: string): boolean {
  // "child's", "maria's": the possessive says nothing; the word before it does.
  const word = written.replace(/['’]s$/i, '');
  if (LOWER_ACRONYM.test(word)) return false;
  if (word.length < 3 || isCommonEnglish(word) || inList(NOT_IDENTIFYING, word)) return false;
  // A rare English word that is also a name ("riff", "bot", "john") is a name only when it is a
  // frequent given name.
  if (wordList('given-names-frequent').has(listKey(word))) return true;
  // Below four letters the lists hold more abbreviations and chat words than names ("bot", "dev").
  if (isEnglishWord(word) || word.length < 4) return false;
  if (isGivenName(word) || isFamilyName(word) || isGazetteerPlace(word)) return true;
  // Not an English word at all: a name, a place, or a word the lists lack. Clinical and
  // medication shapes, short acronyms written small ("ssn", "mrn", "cpap") and compounds of
  // English words ("bloodwork", "waitlist") stay lower case; a false capital costs a word, a
  // missed one a person.
  return (
    !isEnglishWord(word) &&
    word.length >= 4 &&
    !CLINICAL_SHAPE.test(word.toLowerCase()) &&
    !isEnglishCompound(word)
  );
}

interface Word {
  text: string;
  start: number;
}

const end = (word: Word) => word.start + word.text.length;

/** A title or an address by name before the word: "mrs. smith", "said victor", "call me poppy". */
const PERSON_BEFORE =
  /(?:\b(?:mr|mrs|ms|mx|miss|dr|prof|aunt|uncle|grandma|grandpa)\.?|\b(?:said|says|asked|told|tells|shouted at|yelled at|texted|called|call me|named|name is|name's)|\b(?:said|says|asked|told|shouted|yelled) \S+ (?:to|at)) $/;

/** A title: whatever family name follows is a person's ("mrs. smith", "dr. young"). */
const TITLE_BEFORE = /\b(?:mr|mrs|ms|mx|miss|dr|prof)\.? $/;

/** "said okafor": the verb introduces the name; it is not one ("Said" is a given name too). */
const SPEECH_VERB = /^(?:said|says|asked|told|tells)$/;

/** Between two names in a list or a pair: "kevin, mark and david", "kay and cross". */
const AND_OR = /^(?:and|or)$/;

/** Whether the word `step` away (-1 before, +1 after) across a list's joiner is a proper noun. */
function listNeighbourIsProper(
  text: string,
  words: readonly Word[],
  proper: readonly boolean[],
  i: number,
  step: -1 | 1,
): boolean {
  const near = words[i + step];
  if (!near) return false;
  const [left, right] = step < 0 ? [near, words[i] as Word] : [words[i] as Word, near];
  const gap = text.slice(end(left), right.start);
  if (gap === ', ' || gap === ' & ') return proper[i + step] === true;
  // "mark and tobiah", "kay, and cross": the joiner is a word of its own.
  if (gap === ' ' && AND_OR.test(near.text)) return proper[i + 2 * step] === true;
  return false;
}

/** Whether the words around the i-th make it a proper noun. */
function fromContext(text: string, words: readonly Word[], proper: readonly boolean[], i: number) {
  const word = words[i] as Word;
  const before = words[i - 1];
  const after = words[i + 1];
  const gapBefore = before ? text.slice(end(before), word.start) : '';
  const gapAfter = after ? text.slice(end(word), after.start) : '';
  // Name lists hold everyday words too ("see", "top", "child"): among common words, only the
  // frequent given names and the known double readings ("mark", "dawn") count as names here.
  const isName = isCommonEnglish(word.text)
    ? wordList('given-names-frequent').has(listKey(word.text)) ||
      inList(AMBIGUOUS_GIVEN_NAMES, word.text)
    : isGivenName(word.text) || isFamilyName(word.text);
  if (PARTICLE.test(word.text)) {
    const opens = proper[i + 1] === true || PARTICLE.test(after?.text ?? '');
    return opens && (proper[i - 1] === true || /\d[ \t]*$/.test(text.slice(0, word.start)));
  }
  // A single initial between two names: "akaho n yokoi", "harvey m leach".
  if (/^\p{L}$/u.test(word.text)) {
    return proper[i - 1] === true && proper[i + 1] === true && gapBefore === ' ';
  }
  if (word.text.length < 3) return false;
  const title = TITLE_BEFORE.test(text.slice(Math.max(0, word.start - 8), word.start));
  if (title && isFamilyName(word.text) && !inList(NOT_IDENTIFYING, word.text)) return true;
  // Given before family, family after given: "miles davidson", "zoe young", "thomas sides".
  const given = (w: Word | undefined) =>
    w !== undefined &&
    !SPEECH_VERB.test(w.text) &&
    (isCommonEnglish(w.text)
      ? wordList('given-names-frequent').has(listKey(w.text)) ||
        inList(AMBIGUOUS_GIVEN_NAMES, w.text)
      : isGivenName(w.text));
  const surname = (w: Word | undefined) =>
    w !== undefined && (isFamilyName(w.text) || !isEnglishWord(w.text));
  if (gapAfter === ' ' && proper[i + 1] && given(word) && surname(after)) return true;
  // After a given name, or a given name and an initial ("harvey m leach").
  const initial = before !== undefined && /^\p{L}$/u.test(before.text) ? 1 : 0;
  const first = words[i - 1 - initial];
  if (gapBefore === ' ' && proper[i - 1 - initial] && given(first) && isFamilyName(word.text)) {
    return true;
  }
  if (isName) {
    // Given before family, family after given: "miles davidson", "zoe young", "christian nobbs".

    if (inList(NOT_IDENTIFYING, word.text)) return false;
    if (PERSON_BEFORE.test(text.slice(Math.max(0, word.start - 24), word.start))) return true;
    if (
      listNeighbourIsProper(text, words, proper, i, -1) ||
      listNeighbourIsProper(text, words, proper, i, 1)
    ) {
      return true;
    }
    // A speaker label at the start of a line: "frank: what a wife."
    const lineStart = text.lastIndexOf('\n', word.start - 1) + 1;
    if (text.startsWith(':', end(word)) && /^[ \t]*$/.test(text.slice(lineStart, word.start))) {
      return true;
    }
  }
  // Street and unit words after a street's name or before its number: "sveinhildur ranch",
  // "ross street", "apt. 962", "suite 734".
  if (isStreetWord(word.text)) {
    return (
      (gapBefore === ' ' && proper[i - 1] === true) ||
      (UNIT.test(word.text) && /^\.? ?\d/.test(text.slice(end(word))))
    );
  }
  return false;
}

/** Words that number a dwelling ("apt. 962", "suite 734"); "turn 56" and "top 20" are not. */
const UNIT = /^(?:apt|apartment|suite|ste|unit|flat|bldg|building|lot|room|rm)$/i;

function isStreetWord(word: string): boolean {
  const key = listKey(word);
  const singular = key.replace(/s$/, ''); // "kristiansen glens", "petäjä mountains"
  return [key, singular].some(
    (form) => wordList('street-types-en').has(form) || wordList('unit-types').has(form),
  );
}

/** Particles inside names and street names: "an der schütt", "rua bela vista", "van den berg". */
const PARTICLE =
  /^(?:de|la|le|da|do|das|dos|der|den|del|des|du|di|van|von|na|nad|pod|el|al|ter|ten)$/;

function capitalised(word: string): string {
  const first = word.charAt(0);
  const upper = first.toUpperCase();
  return upper.length === first.length ? upper + word.slice(1) : word;
}

/**
 * The text with a writer's capitals on its names and places, when it has none of its own;
 * otherwise the text unchanged. Same length, same offsets.
 */
export function truecased(text: string): string {
  if (!isCaseless(text)) return text;
  const words: Word[] = [...text.matchAll(WORD)].map((m) => ({ text: m[0], start: m.index }));
  const proper = words.map((w) => wouldCapitalise(w.text));
  // Context settles what the lists cannot: names that are everyday words ("mark", "young") and
  // street words ("ranch", "suite"). Twice, so a capital can lend weight to the next word.
  for (let pass = 0; pass < 2; pass++) {
    words.forEach((_, i) => {
      if (!proper[i] && fromContext(text, words, proper, i)) proper[i] = true;
    });
  }
  let view = '';
  let last = 0;
  words.forEach((word, i) => {
    if (!proper[i]) return;
    view += text.slice(last, word.start) + capitalised(word.text);
    last = word.start + word.text.length;
  });
  return view + text.slice(last);
}
