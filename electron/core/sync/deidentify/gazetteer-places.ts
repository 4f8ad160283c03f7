import { EVIDENCE, type Candidate } from './combine';
import { COUNTRIES, inList, MONTHS, NOT_IDENTIFYING, US_STATES, WEEKDAYS } from './lexicon';
import { finding } from './text-spans';
import {
  isCommonEnglish,
  isCountryOrDemonym,
  isEnglishWord,
  isFamilyName,
  isGazetteerPlace,
  isGivenName,
} from './word-lists';

/**
 * Towns and cities by name, from GeoNames (every town of 1,000+ people; lexicons/README.md), for
 * the places no locative word or suffix announces: "Tacoma was rainy", "at Kpmg in CHISHOLM",
 * "grew up in Ústí nad Labem 2". A town whose name is an English word ("Mobile", "Reading",
 * "Nice") is left to the context patterns; states and countries stay (Safe Harbor). In lower case
 * a town counts only right after a word that places someone ("moved to tacoma").
 */

const WORD = /[\p{L}\p{M}]+(?:['’.-][\p{L}\p{M}]+)*\.?/gu;
const LONGEST = 4;

const LOCATIVE_BEFORE =
  /(?:\b(?:in|from|to|near|outside|visiting|visit|around|at|moved to|live in|lives in|lived in))[ \t]+$/i;

const CAPITALS_AFTER_LOCATIVE =
  /\b(?:in|from|to|near|outside|visiting|around|at)[ \t]+(\p{Lu}{5,}(?:[ -]\p{Lu}{2,}){0,2})(?![\p{L}\p{N}])/gu;

const LOWER_AFTER_LOCATIVE =
  /\b(?:in|from|near|outside|visiting|moved[ \t]+to|flew[ \t]+to|drove[ \t]+to)[ \t]+(\p{Ll}[\p{Ll}\p{M}]*(?:[-][\p{Ll}\p{M}]+)*)(?![\p{L}\p{N}'’])/gu;

/** Clinical words SCOWL lacks ("derealization", "hypersomnia", "cptsd") are not towns. */
const CLINICAL_SHAPE =
  /(?:ia|osis|itis|ism|isms|ization|isation|ology|phobia|mania|pathy|algia|emia|oma|ectomy|otomy|plasty|scopy|gram|therapy|tsd)$/;

/** Capitalised ("Tacoma") or all capitals ("CHISHOLM"), but not an acronym of two or three letters. */
const looksProper = (word: string) =>
  /^\p{Lu}\p{Ll}/u.test(word) || (/^\p{Lu}{4,}$/u.test(word) && !inList(NOT_IDENTIFYING, word));

function isStateOrCountry(phrase: string): boolean {
  return inList(US_STATES, phrase) || inList(COUNTRIES, phrase) || isCountryOrDemonym(phrase);
}

function isNonPlaceWord(word: string): boolean {
  return (
    inList(NOT_IDENTIFYING, word) ||
    inList(MONTHS, word) ||
    inList(WEEKDAYS, word) ||
    isEnglishWord(word)
  );
}

/** A district number after the town ("Praha 2", "Ústí nad Labem 2."), not a count ("Boston 2 weeks"). */
const DISTRICT_AFTER = /^[ \t]\d{1,2}(?=[.,;:!?)]|\s*$|\s+(?!\d|[a-z]))/;

interface Word {
  text: string;
  start: number;
  end: number;
}

function accepts(text: string, words: readonly Word[]): boolean {
  const phrase = words.map((w) => w.text).join(' ');
  const first = words[0];
  if (!first || !isGazetteerPlace(phrase) || isStateOrCountry(phrase)) return false;
  const proper = words.filter((w) => looksProper(w.text));
  if (words.length === 1) {
    // Three-letter towns are mostly abbreviations in running text ("Aux", "Bot", "Kgs").
    if (first.text.length < 4 || isNonPlaceWord(first.text)) return false;
    if (looksProper(first.text)) return true;
    return first.text.length >= 4 && LOCATIVE_BEFORE.test(text.slice(0, first.start));
  }
  // Several words: the first capitalised, and not all of them everyday words ("Long Beach" is
  // fine, capitalised; "long beach" is not).
  if (!looksProper(first.text)) return false;
  return proper.length >= 2 || words.some((w) => !isCommonEnglish(w.text));
}

export function findGazetteerPlaces(text: string): Candidate[] {
  const found: Candidate[] = [];
  // A town too small for the gazetteer, written in capitals after a locative ("grew up in
  // BROWNMORE", "flew to HOLWELL"): not an English word, not an acronym of four letters or fewer.
  for (const match of text.matchAll(CAPITALS_AFTER_LOCATIVE)) {
    const town = match[1] ?? '';
    if (isEnglishWord(town) || inList(NOT_IDENTIFYING, town) || isStateOrCountry(town)) continue;
    const start = match.index + match[0].length - town.length;
    found.push({
      ...finding(text, 'LOCATION', start, start + town.length),
      evidence: EVIDENCE.model,
    });
  }
  // In lower case (ASR), a word no English, name or medication list knows, right after a word
  // that places someone ("my friend lives in harpelunde", "i'm in csömödér"), is a town.
  for (const match of text.matchAll(LOWER_AFTER_LOCATIVE)) {
    const town = match[1] ?? '';
    if (town.length < 4 || isEnglishWord(town) || isGivenName(town) || isFamilyName(town)) continue;
    if (CLINICAL_SHAPE.test(town) && !isGazetteerPlace(town)) continue;
    if (inList(NOT_IDENTIFYING, town) || isStateOrCountry(town) || inList(MONTHS, town)) continue;
    const start = match.index + match[0].length - town.length;
    found.push({
      ...finding(text, 'LOCATION', start, start + town.length),
      evidence: EVIDENCE.guess,
    });
  }
  const words: Word[] = [...text.matchAll(WORD)].map((m) => {
    const value = m[0].replace(/\.$/, '');
    return { text: value, start: m.index, end: m.index + value.length };
  });
  let i = 0;
  while (i < words.length) {
    let matched = 0;
    // Every accepted run starts with a capital, or is one lower-case word after a locative.
    const opens = looksProper((words[i] as Word).text);
    for (let n = Math.min(opens ? LONGEST : 1, words.length - i); n >= 1; n--) {
      const run = words.slice(i, i + n);
      const spaced = run.every(
        (w, k) => k === 0 || /^[ \t]$/.test(text.slice((run[k - 1] as Word).end, w.start)),
      );
      if (spaced && accepts(text, run)) {
        matched = n;
        break;
      }
    }
    if (matched === 0) {
      i++;
      continue;
    }
    const start = (words[i] as Word).start;
    let end = (words[i + matched - 1] as Word).end;
    const district = DISTRICT_AFTER.exec(text.slice(end));
    if (district) end += district[0].length;
    const evidence = matched > 1 ? EVIDENCE.model : EVIDENCE.guess;
    found.push({ ...finding(text, 'LOCATION', start, end), evidence });
    i += matched;
  }
  return found;
}
