import { EVIDENCE, type Candidate } from './combine';
import {
  AMBIGUOUS_GIVEN_NAMES,
  COUNTRIES,
  inList,
  MONTHS,
  NOT_IDENTIFYING,
  STATE_ABBREVIATIONS,
  TITLE_WORDS,
  TITLES,
  US_STATES,
  WEEKDAYS,
} from './lexicon';
import { finding } from './text-spans';
import { isCountryOrDemonym } from './word-lists';

/**
 * Geographic units smaller than a state, and named institutions (which sit in one place): street
 * addresses, streets, ZIP codes, "City, State", places after a locative word ("moved to Tacoma",
 * "outside Fresno"), and names ending in Hospital, Elementary, Church, County, Park…
 */

/** A capitalised word in any script, possessives and initials included ("Mary's", "St.", "Küsnacht"). */
const WORD = "\\p{Lu}[\\p{L}\\p{M}'’.-]*";
const STREET_SUFFIX =
  'Street|St\\.?|Avenue|Ave\\.?|Road|Rd\\.?|Drive|Lane|Ln\\.?|Boulevard|Blvd\\.?|Court|Ct\\.?|Way|Place|Pl\\.?|Terrace|Circle|Parkway|Pkwy\\.?|Highway|Hwy\\.?|Trail|Alley|Crescent|Row|Square|Loop|Pike|Turnpike';
const UNIT = '(?:,?\\s+(?:Apt|Apartment|Suite|Ste|Unit|Room|Rm|Floor|#)\\.?\\s*#?[A-Za-z0-9-]+)?';

const STREET_ADDRESS = new RegExp(
  `\\b\\d{1,6}\\s+(?:${WORD}\\s+){1,4}?(?:${STREET_SUFFIX}|Dr\\.?)(?![A-Za-z])${UNIT}`,
  'gu',
);
const NAMED_STREET = new RegExp(`(?:${WORD}\\s+){1,3}?(?:${STREET_SUFFIX})(?![A-Za-z])`, 'gu');
const PO_BOX = /\b(?:P\.?\s?O\.?\s+Box|Post\s+Office\s+Box)\s+\d+/gi;

const ZIP_AFTER_STATE = new RegExp(
  `\\b(?:${STATE_ABBREVIATIONS}|${[...US_STATES].map((s) => s.replace(/\b\w/g, (c) => c.toUpperCase())).join('|')}),?\\s+(\\d{5}(?:-\\d{4})?)\\b`,
  'gd',
);
const ZIP_AFTER_WORD = /\bzip(?:\s*code)?(?:\s+(?:is|was|of))?[:\s]+(\d{5}(?:-\d{4})?)\b/dgi;

const INSTITUTION_SUFFIX =
  'Hospital|Medical Center|Medical Centre|Health Center|Health Centre|Behavioral Health|Mental Health|Clinic|Infirmary|Elementary(?: School)?|Middle School|High School|Primary School|Junior High|Academy|School|Community College|College|University|Institute|Church|Cathedral|Chapel|Temple|Synagogue|Mosque|Cemetery|Memorial|Park|Mall|Library|Center|Centre|Courthouse|Court House|Jail|Prison|Correctional Facility|Detention Center|Nursing Home|Senior Living|Assisted Living|Rehab|Recovery Center|Treatment Center|Food Pantry|Food Bank|Shelter|Diner|Cafe|Café|Bakery|Hardware|Pharmacy|Market|Restaurant|Bar|Grill|Pub|Tavern|Motel|Hotel|Inn|Apartments|Gardens|Plaza|Stadium|Arena|Gym|Fitness|Lake|River|Beach|Heights|Hills|Village|County|Parish|Township|Borough|Valley|Springs|Falls|Harbor|Harbour|General';
const INSTITUTION = new RegExp(
  `(?:(?:St\\.?|Saint)\\s+)?(?:${WORD}\\s+){1,4}(?:${INSTITUTION_SUFFIX})(?![A-Za-z])`,
  'gu',
);
const UNIVERSITY_OF = new RegExp(`\\bUniversity\\s+of\\s+${WORD}(?:\\s+${WORD})?`, 'gu');
const PLACE_PREFIX = new RegExp(
  `\\b(?:Lake|Mount|Mt\\.|Fort|Ft\\.|Port|Camp|San|Santa|Los|Las|El|Little|Big|Upper|Lower|North|South|East|West)\\s+${WORD}(?:\\s+${WORD})?`,
  'gu',
);

/**
 * A place named right after a word that places someone somewhere. "in", "near", "outside" are
 * about places; "to", "from", "at", "into" also come before people ("talked to Jessica", "ran
 * into Kevin"), so what they introduce counts only as much as an NLP tag.
 */
const PLACE_WORDS =
  'in|near|outside(?:\\s+of)?|around|through|across|(?:town|city|village|place|neighbou?rhood|area|suburb)\\s+(?:called|named)';
const PERSON_OR_PLACE_WORDS = 'from|to|into|toward|towards|at|visiting|visit|via|between';
const LOCATIVE = new RegExp(
  `\\b(?:(${PLACE_WORDS})|${PERSON_OR_PLACE_WORDS})\\s+(?:the\\s+)?(${WORD}(?:\\s+${WORD}){0,2})`,
  'gdu',
);
const CITY_BEFORE_STATE = new RegExp(
  `\\b(${WORD}(?:\\s+${WORD}){0,2}),\\s+(?:${STATE_ABBREVIATIONS}|${[...US_STATES].map((s) => s.replace(/\b\w/g, (c) => c.toUpperCase())).join('|')})\\b`,
  'gdu',
);

const LEADING_FILLER = new RegExp(
  `^(?:(?:The|A|An|My|Our|His|Her|Their|Your|At|In|On|To|From|And|But|So|We|I|He|She|They|It|This|That|When|Then|Clinician:?|Client:?|(?:${TITLES})\\.?)\\s+)+`,
);

/** Safe Harbor keeps states and countries: "North Carolina" or "New Mexico" is not redacted. */
function isStateOrCountry(value: string): boolean {
  return inList(US_STATES, value) || inList(COUNTRIES, value) || isCountryOrDemonym(value);
}

function isCommonWord(word: string): boolean {
  const bare = word.replace(/['’]s$/, '').replace(/[.]$/, '');
  return (
    inList(NOT_IDENTIFYING, bare) ||
    inList(TITLE_WORDS, bare) ||
    inList(MONTHS, bare) ||
    inList(WEEKDAYS, bare) ||
    inList(US_STATES, bare) ||
    inList(COUNTRIES, bare) ||
    /^[A-Z]{2,}$/.test(bare)
  );
}

/** Trims a candidate place to its proper-noun words; undefined when nothing place-like is left. */
function placeSpan(text: string, start: number, end: number): [number, number] | undefined {
  let value = text.slice(start, end);
  const filler = LEADING_FILLER.exec(value);
  if (filler) {
    start += filler[0].length;
    value = value.slice(filler[0].length);
  }
  value = value.replace(/[.,;:'’]+$/, '');
  // A sentence's first words are capitalised too: "Is St. Mary's Hospital…" starts at "St.".
  for (;;) {
    const first = /^(\S+)\s+/.exec(value);
    if (!first?.[1] || !isCommonWord(first[1]) || value.split(/\s+/).length <= 2) break;
    if (/^of\s/.test(value.slice(first[0].length))) break;
    start += first[0].length;
    value = value.slice(first[0].length);
  }
  if (value.length < 2 || isStateOrCountry(value)) return undefined;
  return [start, start + value.length];
}

export function findPlaces(text: string): Candidate[] {
  const found: Candidate[] = [];
  const push = (start: number, end: number, evidence: number) =>
    found.push({ ...finding(text, 'LOCATION', start, end), evidence });
  const add = (start: number, end: number) => {
    const span = placeSpan(text, start, end);
    if (span) push(span[0], span[1], EVIDENCE.pattern);
  };

  for (const pattern of [STREET_ADDRESS, PO_BOX, UNIVERSITY_OF]) {
    for (const match of text.matchAll(pattern)) add(match.index, match.index + match[0].length);
  }
  for (const pattern of [NAMED_STREET, INSTITUTION, PLACE_PREFIX]) {
    for (const match of text.matchAll(pattern)) {
      const span = placeSpan(text, match.index, match.index + match[0].length);
      if (!span) continue;
      // "The Court", "Grand Rapids General"… need at least one word that is not a common one.
      const words = text.slice(span[0], span[1]).split(/\s+/);
      if (words.length < 2 || words.slice(0, -1).every(isCommonWord)) continue;
      push(span[0], span[1], EVIDENCE.pattern);
    }
  }
  for (const pattern of [ZIP_AFTER_STATE, ZIP_AFTER_WORD]) {
    for (const match of text.matchAll(pattern)) {
      const range = match.indices?.[1];
      if (range) push(range[0], range[1], EVIDENCE.pattern);
    }
  }
  for (const match of text.matchAll(CITY_BEFORE_STATE)) {
    const span = leadingProperNouns(text, match.indices?.[1]);
    if (span) push(span[0], span[1], EVIDENCE.pattern);
  }
  for (const match of text.matchAll(LOCATIVE)) {
    const span = leadingProperNouns(text, match.indices?.[2]);
    // A capitalised word after "to" or "from" may be a person: as weak as an NLP tag, so a
    // person tag on the same span wins.
    const evidence = match.indices?.[1] ? EVIDENCE.pattern : EVIDENCE.model;
    if (span) push(span[0], span[1], evidence);
  }
  return found;
}

/**
 * The leading run of words in `range` that are not common ones: "Tacoma when" is cut by the
 * pattern already; "Cook County" keeps "Cook"; "Texas" or "Christmas" leaves nothing.
 */
function leadingProperNouns(
  text: string,
  range: [number, number] | undefined,
): [number, number] | undefined {
  if (!range) return undefined;
  const [start, end] = range;
  const parts = text.slice(start, end).split(/(\s+)/);
  let kept = '';
  for (let i = 0; i < parts.length; i += 2) {
    const word = parts[i] ?? '';
    if (isCommonWord(word) || (i === 0 && inList(AMBIGUOUS_GIVEN_NAMES, word))) break;
    kept += (i > 0 ? (parts[i - 1] ?? ' ') : '') + word;
  }
  return kept === '' ? undefined : placeSpan(text, start, start + kept.length);
}
