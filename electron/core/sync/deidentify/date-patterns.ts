import type { Finding } from './categories';
import { finding } from './text-spans';

/**
 * Dates more precise than a year: "March 3rd", "14 March 2024", "6/14", "2011-09-30", "the 21st",
 * month names on their own, and single-day holidays. Safe Harbor lets the year stay, so a year on
 * its own ("in 2019") is not matched; a year attached to a day and month goes with them. Relative
 * dates ("last Tuesday") and weekdays are not identifiers and are not matched.
 */

const MONTH_FULL =
  'January|February|March|April|June|July|August|September|October|November|December';
const MONTH_SHORT = 'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
/** "May" is also a verb ("May I ask…"): alone it needs a date-like word before it. */
const MONTH = `(?:${MONTH_FULL}|May|(?:${MONTH_SHORT})\\.?)`;

const ORDINAL_WORDS =
  'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth';
const DAY = `(?:(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?|(?:twenty|thirty)-(?:${ORDINAL_WORDS})|${ORDINAL_WORDS})`;
const YEAR = "(?:(?:19|20)\\d{2}|'\\d{2})";

const MONTH_DAY = new RegExp(
  `\\b(?:mid-)?${MONTH}\\s+${DAY}\\b(?:,?\\s+${YEAR}\\b)?(?![/:]\\d)`,
  'g',
);
const DAY_MONTH = new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH}(?![a-z])(?:,?\\s+${YEAR}\\b)?`, 'g');
const MONTH_YEAR = new RegExp(`\\b${MONTH}(?![a-z]),?\\s+${YEAR}\\b`, 'g');
const MONTH_ALONE = new RegExp(
  `\\b(?:(?:early|mid|late)-?\\s?)?(?:${MONTH_FULL}|(?:${MONTH_SHORT})\\.)(?![a-z'’])`,
  'g',
);
const MAY_ALONE =
  /\b(?:in|since|until|till|by|last|next|this|early|late|mid-|of|from|through|during|before|after)\s+(May)\b/gi;

/** m/d, m/d/yy, m-d-yyyy, d.m.yyyy, yyyy-mm-dd. Fractions ("1/2 a pill") and "24/7" are not dates. */
const NUMERIC_DATE =
  /(?<![\w/.-])(?:(?:0?[1-9]|1[0-2])[/-](?:0?[1-9]|[12]\d|3[01])(?:[/-](?:\d{4}|\d{2}))?|(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.\d{4}|(?:19|20)\d{2}-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01]))(?![\w/]|[.-]\d)/g;
/** An ISO date with its time ("2019-03-04 14:48:14", "2019-03-04T14:48Z"): the time goes with it. */
const ISO_DATETIME =
  /(?<![\w/.-])(?:19|20)\d{2}-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?(?![\w:])/g;
const FRACTION_FOLLOWS =
  /^\s+(?:a|an|of|cup|cups|mile|miles|pill|pills|tab|tablet|dose|hour|hours|inch|mg|the|way|done)\b/i;

/** "the 21st", "Monday the 16th": a day of the month said alone. */
const DAY_OF_MONTH =
  /\bthe\s+((?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))\b(?!\s+(?:grade|floor|time|times|century|percentile|step|place|anniversary|birthday|day|week|month|year|row|round|inning|period|amendment|attempt|try|one|of\s+(?:them|us|those|these)))/gi;

/** Holidays that fall on one day; the movable or season-like ones only with a year after them. */
const FIXED_HOLIDAY =
  /\b(?:Christmas\s+(?:Eve|Day)|New\s+Year['’]?s\s+(?:Eve|Day)|Valentine['’]?s\s+Day|Fourth\s+of\s+July|Independence\s+Day|Halloween|Veterans\s+Day|St\.?\s+Patrick['’]?s\s+Day|Juneteenth)\b/g;
const HOLIDAY_WITH_YEAR =
  /\b(Christmas|Thanksgiving|Easter|Hanukkah|Passover|Ramadan|Eid|Diwali|Mother['’]s\s+Day|Father['’]s\s+Day|Memorial\s+Day|Labor\s+Day|Super\s+Bowl\s+Sunday)\s+(?:of\s+)?(?:19|20)\d{2}\b/g;

export function findDates(text: string): Finding[] {
  const found: Finding[] = [];
  const addMatch = (match: RegExpExecArray | RegExpMatchArray, length = match[0].length) =>
    found.push(finding(text, 'DATE', match.index ?? 0, (match.index ?? 0) + length));

  for (const pattern of [
    MONTH_DAY,
    DAY_MONTH,
    MONTH_YEAR,
    MONTH_ALONE,
    FIXED_HOLIDAY,
    ISO_DATETIME,
  ]) {
    for (const match of text.matchAll(pattern)) addMatch(match);
  }
  for (const match of text.matchAll(MAY_ALONE)) {
    const may = match[1] ?? '';
    if (may !== 'May') continue;
    const start = match.index + match[0].length - may.length;
    found.push(finding(text, 'DATE', start, start + may.length));
  }
  for (const match of text.matchAll(NUMERIC_DATE)) {
    const end = match.index + match[0].length;
    const isFraction = !/\d[/.-]\d+[/.-]/.test(match[0]) && FRACTION_FOLLOWS.test(text.slice(end));
    if (!isFraction) addMatch(match);
  }
  for (const match of text.matchAll(DAY_OF_MONTH)) {
    const day = match[1] ?? '';
    const start = match.index + match[0].length - day.length;
    found.push(finding(text, 'DATE', start, start + day.length));
  }
  for (const match of text.matchAll(HOLIDAY_WITH_YEAR)) {
    addMatch(match, (match[1] ?? '').length);
  }
  return found;
}
