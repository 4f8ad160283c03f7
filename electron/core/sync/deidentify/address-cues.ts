import { EVIDENCE, type Candidate } from './combine';
import { inList, NOT_IDENTIFYING, WEEKDAYS, MONTHS } from './lexicon';
import { finding } from './text-spans';
import { isCommonEnglish } from './word-lists';

/**
 * Addresses announced by the words before them rather than by a street word: "my address is
 * 020 Serenade Opus 420", "the corner of Úzká 1762 and Ljiljana Green", "she lives on Sigtuni 74".
 * What follows the cue is taken up to the end of its line or sentence, so an unknown street
 * name in any language goes with its number.
 */

const PROPER = "[\\p{Lu}][\\p{L}\\p{M}'’.-]*";
const ANY_WORD = "[\\p{L}\\p{M}][\\p{L}\\p{M}'’.-]*";

/** "address: …", "address is …": the rest of the line when it holds a number. */
const ADDRESS_CUE =
  /\baddress(?:\s+is|\s*:)[ \t]*\n?[ \t]*([^\n?!]*\d[^\n?!]*?)(?=[.?!]?\s*$|[.?!]\s|\n)/gimu;

/** "the corner of A 12 and B", with or without house numbers. */
const CORNER = new RegExp(
  `\\b(?:the\\s+)?corner\\s+of\\s+${PROPER}(?:[ \\t]+(?:${ANY_WORD}|\\d{1,5}[A-Za-z]?)){0,4}?[ \\t]+(?:and|&)[ \\t]+${PROPER}(?:[ \\t]+(?:${PROPER}|\\d{1,5}[A-Za-z]?)){0,3}`,
  'giu',
);

/** "lives on Sigtuni 74", "the station is on ul. Bruzdowa 124": a name then a house number. */
const LIVES_ON = new RegExp(
  `\\b(?:lives?|lived|living|is|are|was|were|located|stays?|stayed|moved)[ \\t]+on[ \\t]+(?:the[ \\t]+)?((?:${PROPER}|ul\\.|al\\.|pl\\.)(?:[ \\t]+${ANY_WORD}){0,3}[ \\t]+\\d{1,5}[A-Za-z]?)(?![\\p{L}\\p{N}]|[ \\t]*(?:mg|mcg|ml|%|percent|times|pills|days|weeks|years))`,
  'gdu',
);

function isNotAPlaceWord(phrase: string): boolean {
  const first = phrase.split(/\s+/)[0] ?? '';
  return inList(NOT_IDENTIFYING, first) || inList(WEEKDAYS, first) || inList(MONTHS, first);
}

export function findCuedAddresses(text: string): Candidate[] {
  const found: Candidate[] = [];
  const push = (start: number, end: number) =>
    found.push({ ...finding(text, 'LOCATION', start, end), evidence: EVIDENCE.pattern });
  for (const match of text.matchAll(ADDRESS_CUE)) {
    const value = (match[1] ?? '').replace(/[\s,;:]+$/, '');
    if (value.length < 4) continue;
    const start = match.index + match[0].indexOf(value);
    push(start, start + value.length);
  }
  for (const match of text.matchAll(CORNER)) {
    // Case-insensitive for ASR text, so trailing lower-case everyday words are the sentence's own.
    let value = match[0].replace(/[.,;:!?]+$/, '');
    for (let last = /[ \t]+(\S+)$/.exec(value); last; last = /[ \t]+(\S+)$/.exec(value)) {
      const word = last[1] ?? '';
      if (!(word === word.toLowerCase() && isCommonEnglish(word))) break;
      value = value.slice(0, last.index);
    }
    push(match.index, match.index + value.length);
  }
  for (const match of text.matchAll(LIVES_ON)) {
    const range = match.indices?.[1];
    if (range && !isNotAPlaceWord(match[1] ?? '')) push(range[0], range[1]);
  }
  return found;
}
