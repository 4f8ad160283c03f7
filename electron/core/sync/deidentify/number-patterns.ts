import type { Finding, IdentifierCategory } from './categories';
import { STATE_ABBREVIATIONS } from './lexicon';
import { numberContext } from './number-context';
import { finding } from './text-spans';

/**
 * Phone, fax, SSN, record, plan, account, licence, vehicle, device and other identifying numbers.
 * One pass finds number-like values (typed, or read aloud digit by digit); each is then named by
 * the keyword said before it ("member ID", "plate", "fax"), or failing that by its shape (an SSN's
 * 3-2-4 digits, a phone number's 3-3-4), or else counts as a generic ID when it is long enough to be
 * one. Years, doses, scores, money and times are left alone.
 */

/**
 * North American 3-3-4 with an optional country or trunk prefix ("+1", "1-", "001-", "21 "), an
 * area code in brackets with other group sizes ("(07) 5331 0577", "(96) 627-277"), international
 * numbers written with a plus, and bare 7-, 10- or 11-digit runs. Fewer than 7 digits is no phone.
 */
const PHONE_SHAPE = new RegExp(
  [
    '(?<![\\w+])(?:\\+?1[\\s.-]?|(?:\\+|00)?\\d{1,3}[\\s.-])?(?:\\(\\d{3}\\)\\s?|\\d{3}[\\s.-])\\d{3}[\\s.-]\\d{4}(?:,?\\s*(?:ext\\.?|extension|x)\\s*\\d{1,5})?(?!\\w|[.-]\\d)',
    '(?<![\\w+])(?:\\+?\\d{1,3}\\s?)?\\(\\d{2,4}\\)\\s?\\d{3,4}[\\s-]\\d{3,4}(?!\\w|[.-]\\d)',
    // International with a plus, the trunk zero in brackets or not: "+46 (0)8 525 332 69", "+447700355251".
    '(?<![\\w+])\\+\\d{1,3}(?:[ \\t]?\\(0\\))?(?:[ .-]?\\d{1,4}){2,5}(?!\\w|[.-]\\d)',
    // Bare runs: 7 digits with a dash, 10 (or 11 with a leading 1), 10-11 with a trunk zero.
    '(?<![\\w.-])(?:\\d{3}-\\d{4}|1?\\d{10}|0\\d{9,10})(?!\\w|[.-]\\d)',
  ].join('|'),
  'g',
);

const DIGIT_WORD = '(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)';
const SPOKEN_DIGITS = new RegExp(`\\b${DIGIT_WORD}(?:[\\s,-]+${DIGIT_WORD}){6,}\\b`, 'gi');

/** A run of letter-digit groups: "XGH448812309", "W2849-11873", "BCX 990 182 774", "0012 3344 5566". */
const GROUP = '(?:[A-Za-z]*\\d[A-Za-z\\d]*|[A-Z]{1,5})';
const VALUE = new RegExp(
  `(?<![\\w@$%.,/:+'’-])${GROUP}(?:(?:[-./]|[ ](?=[A-Za-z]*\\d|[A-Z]{1,5}\\b))${GROUP})*(?![\\w@%]|[.,/:-]\\d)`,
  'g',
);

/** Words said before a number that name it but are not part of it ("MRN 7734-221", "VT 05401"). */
const LEADING_LABEL = new RegExp(
  `^(?:MRN|SSN|DL|CDL|VIN|NPI|IBAN|DEA|ID|IMEI|UDI|DOB|PO|ZIP|EIN|ITIN|ACCT|NO|I|${STATE_ABBREVIATIONS})\\s+`,
);

const UNIT_AFTER =
  /^\s*(?:mg|mcg|ml|g|kg|lbs?|pounds|dollars|bucks|cents|percent|%|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|times|miles|km|steps|calories|units|pills|tablets|degrees|feet|ft|inches|people|grand|k)\b/i;

/** Dates, times, decimals and IP addresses have their own detectors (or are not identifiers). */
const NOT_AN_ID =
  /^(?:\d{1,2}[-./]\d{1,2}(?:[-./]\d{2,4})?|\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d+\.\d+|\d{1,3}(?:\.\d{1,3}){3})$/;
const YEAR = /^(?:19|20)\d{2}$/;
const EMERGENCY_LINE = /^(?:911|988|211|311|411|811)$/;
const SSN_SHAPE = /^\d{3}[- ]\d{2}[- ]\d{4}$/;

const SPOKEN_VALUE: Record<string, string> = {
  zero: '0',
  oh: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
};

const countDigits = (value: string) => (value.match(/\d/g) ?? []).length;

/** The fewest digits a value needs to be taken as this kind of number once a keyword names it. */
const MIN_DIGITS_WITH_KEYWORD: Partial<Record<IdentifierCategory, number>> = {
  PHONE: 7,
  FAX: 7,
};

function classify(
  text: string,
  start: number,
  value: string,
  digits: number,
  shape: 'phone' | 'spoken' | 'other',
): IdentifierCategory | undefined {
  const context = numberContext(text, start);
  const hasLetters = /[a-z]/i.test(value);
  if (context.category) {
    const minimum = MIN_DIGITS_WITH_KEYWORD[context.category] ?? (hasLetters ? 2 : 3);
    if (digits >= minimum) return context.category;
  }
  if (shape === 'phone') return 'PHONE';
  if (SSN_SHAPE.test(value)) return 'SSN';
  if (shape === 'spoken') {
    if (digits === 7 || digits === 10 || digits === 11) return 'PHONE';
    return digits === 9 ? 'SSN' : 'ID';
  }
  if (digits >= 5 || (hasLetters && digits >= 4)) return 'ID';
  // A short value counts only when something said before it marks it as an identifier.
  if (context.cued && digits >= 3) return 'ID';
  return undefined;
}

export function findNumberIdentifiers(text: string): Finding[] {
  const found: Finding[] = [];
  const taken: [number, number][] = [];
  const overlapsTaken = (start: number, end: number) =>
    taken.some(([s, e]) => start < e && end > s);
  const add = (category: IdentifierCategory, start: number, end: number) => {
    found.push(finding(text, category, start, end));
    taken.push([start, end]);
  };

  for (const match of text.matchAll(PHONE_SHAPE)) {
    const start = match.index;
    const end = start + match[0].length;
    if (countDigits(match[0]) < 7) continue;
    const category = classify(text, start, match[0], countDigits(match[0]), 'phone');
    if (category) add(category, start, end);
  }

  for (const match of text.matchAll(SPOKEN_DIGITS)) {
    const start = match.index;
    const end = start + match[0].length;
    if (overlapsTaken(start, end)) continue;
    const digits = match[0]
      .toLowerCase()
      .split(/[\s,-]+/)
      .map((word) => SPOKEN_VALUE[word] ?? '')
      .join('');
    const category = classify(text, start, digits, digits.length, 'spoken');
    if (category) add(category, start, end);
  }

  for (const match of text.matchAll(VALUE)) {
    let start = match.index;
    let value = match[0];
    const label = LEADING_LABEL.exec(value);
    if (label) {
      start += label[0].length;
      value = value.slice(label[0].length);
    }
    // "2023 I went": a lone capital after the number is the next word, not part of it.
    value = value.replace(/\s[A-Z]$/, '');
    const end = start + value.length;
    const digits = countDigits(value);
    if (digits < 2 || overlapsTaken(start, end)) continue;
    if (NOT_AN_ID.test(value) || EMERGENCY_LINE.test(value)) continue;
    if (YEAR.test(value) && !/(?:number|#|id|no\.)\s*(?:is\s*)?$/i.test(text.slice(0, start))) {
      continue;
    }
    if (!/[a-z]/i.test(value) && UNIT_AFTER.test(text.slice(end))) continue;
    const category = classify(text, start, value, digits, 'other');
    if (category) add(category, start, end);
  }
  return found;
}
