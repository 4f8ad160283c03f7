/**
 * The HIPAA Safe Harbor identifier kinds this module removes from text, and the placeholder each is
 * replaced with. Safe Harbor's photo and biometric identifiers have no text form; everything else
 * in §164.514(b)(2) maps onto one of these.
 */
export const IDENTIFIER_CATEGORIES = [
  'NAME',
  'LOCATION',
  'DATE',
  'AGE',
  'PHONE',
  'FAX',
  'EMAIL',
  'SSN',
  'MRN',
  'HEALTH_PLAN',
  'ACCOUNT',
  'LICENSE',
  'VEHICLE',
  'DEVICE',
  'URL',
  'IP',
  'ID',
] as const;

export type IdentifierCategory = (typeof IDENTIFIER_CATEGORIES)[number];

/** One identifier found in a text: `start` and `end` are UTF-16 offsets, `end` exclusive. */
export interface Finding {
  category: IdentifierCategory;
  start: number;
  end: number;
  text: string;
}

export function placeholderFor(category: IdentifierCategory): string {
  return `[${category}]`;
}

/**
 * Placeholders already in a text: a payload that was de-identified once is scanned again before
 * upload, and its own placeholders must read as clean, not as a name in brackets.
 */
export const PLACEHOLDER_PATTERN = new RegExp(`\\[(?:${IDENTIFIER_CATEGORIES.join('|')})\\]`, 'g');

export function isIdentifierCategory(value: string): value is IdentifierCategory {
  return (IDENTIFIER_CATEGORIES as readonly string[]).includes(value);
}

/**
 * When two detectors claim exactly the same span, the category that says more wins: a number read
 * as an SSN is more useful to the reader (and to the evaluation) than the same number read as a
 * generic ID. Lower index = more specific.
 */
const SPECIFICITY: readonly IdentifierCategory[] = [
  'SSN',
  'EMAIL',
  'URL',
  'IP',
  'FAX',
  'PHONE',
  'MRN',
  'HEALTH_PLAN',
  'ACCOUNT',
  'LICENSE',
  'VEHICLE',
  'DEVICE',
  'AGE',
  'DATE',
  'NAME',
  'LOCATION',
  'ID',
];

export function specificityRank(category: IdentifierCategory): number {
  return SPECIFICITY.indexOf(category);
}
