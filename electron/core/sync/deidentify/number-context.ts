import type { IdentifierCategory } from './categories';

/**
 * What a number is, from the words said just before it: "member ID" makes the next number a health
 * plan number, "plate" a vehicle's, "fax" a fax number. The nearest keyword wins, so in "member
 * QHP7781920, group 55012" each number takes its own. Multi-word keywords are listed before their
 * parts ("license plate" before "license"), because the alternation takes the first that fits.
 */
const KEYWORDS: readonly (readonly [IdentifierCategory, string])[] = [
  ['VEHICLE', 'licen[cs]e[- ]plates?|number[- ]plates?|plates?|tag(?: number)?|vin|registration'],
  ['FAX', 'fax(?:ed|ing)?'],
  ['SSN', 'ssn|social[- ]security|socials?'],
  [
    'MRN',
    'mrn|medical[- ]records?|med(?:ical)? record|chart|patient(?: id| number| no\\.?| #)|hospital (?:number|id)|record (?:number|no\\.?|#)',
  ],
  [
    'HEALTH_PLAN',
    'members?|subscriber|insurance|policy|group|medicaid|medicare|health[- ]plan|plan id|tricare|blue cross|blue shield|bcbs|aetna|cigna|humana|united ?healthcare|kaiser|beneficiary|medi-cal',
  ],
  [
    'ACCOUNT',
    'accounts?|acct|routing|iban|checking|savings|credit card|debit card|card number|card ending|card ends|bank',
  ],
  [
    'LICENSE',
    "driver'?s licen[cs]e|licen[cs]e|licen[cs]ed|dl|cdl|dea|npi|certificate|certification|permit",
  ],
  [
    'DEVICE',
    'serial|s/n|imei|udi|device|pacemaker|implant|pump|monitor|cpap|hearing aid|laptop|tablet',
  ],
  [
    'ID',
    'case|inmate|student|claim|passport|employee|docket|report|visa|reference|ref|badge|green card|order|a-number|alien|confirmation|booking|ticket|file|citation|warrant|booking|voter|tax id|ein|itin',
  ],
  [
    'PHONE',
    'phone|cell(?:phone)?|mobile|landline|call(?:ed|ing)?|text(?:ed|ing)?|reach|dial(?:ed)?|line|ext',
  ],
];

const keywordPattern = new RegExp(
  `(?<![\\w-])(?:${KEYWORDS.map(([category, words]) => `(?<${category}>${words})`).join('|')})(?![\\w-])`,
  'gi',
);

/**
 * Words that say "an identifier follows" without saying which kind ("number", "ID", "ends in"):
 * they let a short value (a badge number, the last four digits of a card) count at all.
 */
const GENERIC_CUE =
  /(?<![\w-])(?:numbers?|no\.|#|ids?|code|ends? (?:in|with)|ending (?:in|with)|last four)(?![\w-])|#$/i;

/** How far back a keyword still speaks for a number: a clause, not the previous sentence. */
const WINDOW = 48;

export interface NumberContext {
  category: IdentifierCategory | undefined;
  /** A keyword or generic cue sits right before the value, so even a short value is meant. */
  cued: boolean;
}

export function numberContext(text: string, valueStart: number): NumberContext {
  const windowStart = Math.max(0, valueStart - WINDOW);
  const window = text.slice(windowStart, valueStart);
  let category: IdentifierCategory | undefined;
  for (const match of window.matchAll(keywordPattern)) {
    const groups = match.groups ?? {};
    const hit = KEYWORDS.find(([name]) => groups[name] !== undefined);
    if (hit) category = hit[0];
  }
  return { category, cued: category !== undefined || GENERIC_CUE.test(window) };
}
