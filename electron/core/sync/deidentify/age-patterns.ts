import type { Finding } from './categories';
import { finding } from './text-spans';

/**
 * Ages over 89, which Safe Harbor treats as identifying (the rest may stay). Only the number is
 * replaced: "a [AGE]-year-old". A number from 90 up counts as an age when the words around it say
 * so: "92-year-old", "93 years old", "94 y/o", "age 101", "aged 98", or "she is 92", "turned 91",
 * "at ninety-one" when no unit follows ("it was 95 degrees" is not an age).
 */
const OVER_89 =
  '(?:9\\d|1[01]\\d|120|ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:a|one)\\s+hundred(?:\\s+and\\s+(?:one|two|three|four|five|six|seven|eight|nine|ten))?)';

const AGE_AFTER = new RegExp(
  `(?<![\\w.,$-])(${OVER_89})(?=(?:-|\\s)?(?:years?|yrs?)(?:-|\\s)?old|-year-old|-years-old|\\s?y\\/?o\\b|\\s?yo\\b|(?:-|\\s)years?\\s+of\\s+age)`,
  'gi',
);
const AGE_BEFORE = new RegExp(`\\b(?:age|aged|ages)\\s+(${OVER_89})\\b`, 'gi');
const AGE_VERB = new RegExp(
  `\\b(?:is|was|be|being|been|turned|turning|turns|turn|reached|reaches|reach|at|['’]s)\\s+(?:now\\s+|almost\\s+|nearly\\s+|about\\s+|like\\s+)?(${OVER_89})\\b(?![.,]\\d)`,
  'gi',
);
const NOT_AN_AGE_AFTER =
  /^\s*(?:%|percent|degrees|°|pounds|lbs?|kg|mg|minutes?|mins?|hours?|days?|weeks?|months?|dollars|bucks|cents|out\s+of|points?|miles?|mph|feet|ft|inches|times|steps|calories|units?|people|percentile|beats|bpm|seconds|over\b|\/)/i;

export function findAges(text: string): Finding[] {
  const found: Finding[] = [];
  for (const pattern of [AGE_AFTER, AGE_BEFORE, AGE_VERB]) {
    for (const match of text.matchAll(pattern)) {
      const age = match[1] ?? '';
      const start = match.index + match[0].length - age.length;
      const end = start + age.length;
      if (pattern === AGE_VERB && NOT_AN_AGE_AFTER.test(text.slice(end))) continue;
      found.push(finding(text, 'AGE', start, end));
    }
  }
  return found;
}
