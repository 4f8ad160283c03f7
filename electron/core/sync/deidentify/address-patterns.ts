import { EVIDENCE, type Candidate } from './combine';
import { inList, MONTHS, NOT_IDENTIFYING, WEEKDAYS } from './lexicon';
import { finding, startsSentence } from './text-spans';
import { isCommonEnglish, isEnglishWord, listKey, wordList } from './word-lists';

/**
 * Street addresses in the shapes many countries write them, and the address block around them:
 * "8 wressle road", "Nassaustraat 123", "árpád fejedelem útja 45", "107 Rue Abdelaziz Thâalbi",
 * "87 Jakobi 69", then "Apt. 018", a town line, a postcode line, the country. Street words come from
 * libpostal's dictionaries in 60 languages (lexicons/README.md). An anchor needs a house number next
 * to a run of address-like words; from there the block is followed line by line while each part
 * still looks like an address part, and stops at ordinary English ("… in case of an issue").
 */

/**
 * Street words that are also common English words ("way", "rue", "via"): libpostal's list is used
 * minus common words, so these are named here; all are trusted only beside a house number.
 */
const ENGLISH_STREET_TYPES = new Set(
  'rue|via|rua|calle|strada|viale|corso|piazza|plaza|avenida|street|st|st.|avenue|ave|ave.|av|road|rd|rd.|drive|dr|dr.|lane|ln|boulevard|blvd|court|ct|way|place|pl|terrace|circle|parkway|highway|hwy|trail|alley|crescent|row|square|sq|loop|pike|close|grove|gardens|mews|walk|hill|park|view|plaza|path|route'.split(
    '|',
  ),
);

/** Unit designators ("Apt. 018", "Suite 771"): libpostal's, minus words common in English. */
const ENGLISH_UNIT_TYPES = new Set(
  'apartment|apt|suite|ste|unit|flat|room|rm|floor|fl|building|bldg|block|lot|office|#'.split('|'),
);

/** Small words inside place and street names in other languages ("Ústí nad Labem", "Rue de la Paix"). */
const CONNECTORS = new Set(
  'de|del|della|dei|la|le|les|los|las|van|der|den|von|zu|da|do|dos|das|di|du|nad|pod|am|an|im|sur|sous|y|e|i|og|och|und|al|el'.split(
    '|',
  ),
);

/** Inside a run: a connector, or a street word even when English has it too ("Männimetsa tee 69"). */
const continuesRun = (word: string) =>
  CONNECTORS.has(listKey(word)) ||
  (wordList('street-types').has(listKey(word)) &&
    !NOT_IN_BLOCK.has(listKey(word)) &&
    !NOT_A_STREET_NAME.test(word));

const DIRECTIONAL = /^(?:[NSEW]|NE|NW|SE|SW)\.?$/;

function isStreetWord(word: string): boolean {
  const key = listKey(word);
  if (ENGLISH_STREET_TYPES.has(key)) return true;
  if (wordList('street-types').has(key) && !isCommonEnglish(key)) return true;
  // Compounds: "Nassaustraat", "Auerstrasse", "Ziegelgasse", "aðalgata".
  const suffixes = wordList('street-suffixes');
  for (let cut = 3; cut <= key.length - 3; cut++) {
    // "Michaelkirchstr." loses its full stop in tokenising; the list spells it "str.".
    const tail = key.slice(cut);
    if (suffixes.has(tail) || suffixes.has(`${tail}.`)) return key.length - cut >= 3;
  }
  return false;
}

/**
 * USPS suffixes that are also common words ("3554 Garzarolli Shoal", "34 Angel Spurs"): only
 * capitalised, last on the line, after a house number; plurals count ("Drives", "Knolls").
 */
function isCapitalisedUspsSuffix(token: Token): boolean {
  if (!/^\p{Lu}\p{Ll}/u.test(token.text) || NOT_A_STREET_NAME.test(token.text)) return false;
  const key = listKey(token.text);
  const types = wordList('street-types-en');
  return types.has(key) || (key.endsWith('s') && types.has(key.slice(0, -1)));
}

export function isUnitWord(word: string): boolean {
  const key = listKey(word).replace(/\.$/, '');
  return ENGLISH_UNIT_TYPES.has(key) || (wordList('unit-types').has(key) && !isCommonEnglish(key));
}

/** Capitalised words that end an address block rather than continue it. */
const NOT_IN_BLOCK = new Set(
  'i|the|a|an|and|or|but|for|in|on|at|to|from|with|my|our|his|her|their|your|it|we|you|they|he|she|this|that|please|thanks|thank|if|when|then|so'.split(
    '|',
  ),
);

/** Capitalised, foreign, a street word or a directional: could be part of an address line. */
function isAddressWord(word: string): boolean {
  const bare = word.replace(/[.'’]+$/, '');
  if (bare === '') return false;
  if (inList(NOT_IDENTIFYING, bare) || inList(MONTHS, bare) || inList(WEEKDAYS, bare)) return false;
  if (DIRECTIONAL.test(word) || isStreetWord(bare) || /^\d/.test(bare)) return true;
  if (/^\p{Lu}/u.test(bare)) return true;
  return !isCommonEnglish(bare);
}

interface Token {
  kind: 'num' | 'word' | 'other';
  text: string;
  start: number;
  end: number;
}

/** Digits (a house number may carry one letter, "12b"), other letter-digit codes, words, the rest. */
const TOKEN =
  /[\p{L}\p{N}]*\d[\p{L}\p{N}]*(?:[-/][\p{L}\p{N}]+)?|[\p{L}\p{M}][\p{L}\p{M}'’.-]*|\S/gu;
const HOUSE_NUMBER = /^\d{1,5}[A-Za-z]?(?:[-/]\d{1,5}[A-Za-z]?)?$/;

function tokenize(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((match) => {
    const value = match[0];
    // "40th Street": an ordinal is part of the street's name.
    const isWord =
      (/^\p{L}/u.test(value) && !/\d/.test(value)) || /^\d{1,3}(?:st|nd|rd|th)$/i.test(value);
    const kind = HOUSE_NUMBER.test(value) ? 'num' : isWord ? 'word' : 'other';
    // "Apt." keeps its dot; a sentence's full stop after a word is not part of it.
    const text = kind === 'word' && /[^.]{4}\.$/.test(value) ? value.slice(0, -1) : value;
    return { kind, text, start: match.index, end: match.index + text.length };
  });
}

const sameLine = (text: string, a: Token, b: Token) => /^[ \t]*$/.test(text.slice(a.end, b.start));

/** A number that is a dose, a count or a time, not a house number. */
const UNIT_AFTER =
  /^\s*(?:mg|mcg|ml|kg|lbs?|pounds|dollars|percent|%|minutes?|hours?|days?|weeks?|months?|years?|times|miles|pills|am|pm|o'clock)\b/i;

/** Words that can sit between a number and a street word without being a street's name. */
const NOT_A_STREET_NAME =
  /^(?:the|a|an|and|or|of|in|on|at|to|for|with|my|our|his|her|their|your|its|this|that|mile|miles|minute|minutes|hour|hours|day|days|week|weeks|month|months|year|years|times|more|other|long|short)$/i;

/**
 * Lower-case house-number lines as ASR writes them ("12 oak street", "8 mill lane"): a number,
 * up to three words that are not function words or units, then a street word.
 */
function lowerCaseStreetLines(text: string, tokens: Token[]): [number, number][] {
  const found: [number, number][] = [];
  tokens.forEach((number, i) => {
    if (number.kind !== 'num') return;
    for (let k = i + 2; k <= i + 4 && k < tokens.length; k++) {
      const words = tokens.slice(i + 1, k + 1);
      const line = [number, ...words];
      if (!words.every((t) => t.kind === 'word')) return;
      if (!line.every((t, n) => n === 0 || sameLine(text, line[n - 1] as Token, t))) return;
      if (words.slice(0, -1).some((t) => NOT_A_STREET_NAME.test(t.text))) return;
      const last = words.at(-1) as Token;
      if (isStreetWord(last.text.replace(/\.$/, ''))) {
        found.push([number.start, last.end]);
        return;
      }
    }
  });
  return found;
}

/** Street-line anchors: [start, end] of each house-number + street-words run. */
function anchors(text: string, tokens: Token[]): [number, number][] {
  const found: [number, number][] = lowerCaseStreetLines(text, tokens);
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i];
    if (first?.kind !== 'word' || !isAddressWord(first.text)) {
      i++;
      continue;
    }
    let j = i;
    while (
      j + 1 < tokens.length &&
      j - i < 5 &&
      tokens[j + 1]?.kind === 'word' &&
      sameLine(text, tokens[j] as Token, tokens[j + 1] as Token) &&
      (isAddressWord(tokens[j + 1]?.text ?? '') || continuesRun(tokens[j + 1]?.text ?? ''))
    ) {
      j++;
    }
    const run = tokens.slice(i, j + 1);
    const last = tokens[j] as Token;
    const before = tokens[i - 1];
    const after = tokens[j + 1];
    const numBefore = before?.kind === 'num' && sameLine(text, before, first) ? before : undefined;
    const numAfter =
      after?.kind === 'num' &&
      sameLine(text, last, after) &&
      !UNIT_AFTER.test(text.slice(after.end))
        ? after
        : undefined;
    const hasStreetWord =
      run.some((t) => isStreetWord(t.text.replace(/\.$/, ''))) || isCapitalisedUspsSuffix(last);
    // A street word then a number ("útja 45", "Gürtel 92"), with no house number before, must be
    // spelled as a word: "RPT 2023-118842" or "ID 4471" are references, not streets.
    const spelledStreet = run.some(
      (t) => t.text.length >= 2 && /\p{Ll}/u.test(t.text) && isStreetWord(t.text),
    );
    const hasForeignWord = run.some(
      (t) => !isEnglishWord(t.text) && !CONNECTORS.has(listKey(t.text)),
    );
    const streetFirst = numAfter !== undefined && spelledStreet;
    // "30 N. Stadion", "1200 W Harlan": a house number, a compass point, a name.
    const directional =
      run.length >= 2 && DIRECTIONAL.test(first.text) && /^\p{Lu}/u.test(run[1]?.text ?? '');
    if (
      (numBefore && (hasStreetWord || directional)) ||
      streetFirst ||
      (numBefore && numAfter && hasForeignWord)
    ) {
      found.push([(numBefore ?? first).start, (numAfter ?? last).end]);
    }
    i = j + 1;
  }
  return found;
}

/** Spaces, a comma, line breaks; a full stop only at a line's end ("útja 45.\n apt. 614"). */
const SEPARATOR =
  /^(?:[ \t]*\.(?=[ \t]*\n))?[ \t\n]*(?:(?<=\n)[•·*?–>|}{-]{1,3}[ \t]*)?(?:,[ \t\n]*)?/;
/** Digit postcodes with an optional region prefix ("JN 91851", "D-10115"), UK and Canadian shapes. */
const POSTCODE =
  /^(?:(?:[A-Z]{1,3}[- ]?)?\d{2,6}(?:[- ]\d{2,4})?|[A-Z]{1,2}\d[A-Z\d]?[ ]?\d[A-Z]{2}|[A-Z]\d[A-Z][ ]?\d[A-Z]\d)(?![\p{L}\p{N}])/u;
const PARENTHESIS = /^\([^()\n]{1,40}\)/;
const WORD = /^[\p{L}\p{M}][\p{L}\p{M}'’-]*\.?/u;
const UNIT = /^#?[ \t]*\d[\w-]*|^[\p{L}.]+[ \t]*#?[ \t]*\d[\w-]*/u;

/**
 * The parts of the block after an anchor: units, town, region code, postcode, country. Each is its
 * own span, so "12 Oak St, Burlington, VT 05401" reads "[LOCATION], [LOCATION], [LOCATION]".
 */
function blockParts(text: string, end: number, limit = 10): [number, number][] {
  const parts: [number, number][] = [];
  let position = end;
  while (parts.length < limit) {
    const rest = text.slice(position);
    // "rkp. 97. Suite 446": a full stop inside a line goes on only to a unit designator.
    const plain = SEPARATOR.exec(rest)?.[0] ?? '';
    const separator = plain !== '' ? plain : (/^\.[ \t]+/.exec(rest)?.[0] ?? '');
    if (!separator || /\n[ \t]*\n[ \t]*\n/.test(separator)) break;
    const next = rest.slice(separator.length);
    const unit = UNIT.exec(next);
    const isUnit =
      unit !== null &&
      (unit[0].startsWith('#') ||
        /^\d/.test(unit[0]) ||
        isUnitWord(unit[0].split(/[\s#\d]/)[0] ?? ''));
    if (separator.startsWith('.') && !separator.includes('\n') && !isUnit) break;
    const word = WORD.exec(next);
    let length = 0;
    if (isUnit) {
      length = unit[0].length;
    } else if (POSTCODE.test(next)) {
      length = (POSTCODE.exec(next) as RegExpExecArray)[0].length;
    } else if (PARENTHESIS.test(next)) {
      length = (PARENTHESIS.exec(next) as RegExpExecArray)[0].length;
    } else if (word && !next.slice(word[0].length).startsWith(':')) {
      const bare = word[0].replace(/\.$/, '');
      // An all-capitals line ("THE LAURELS") is an address line even when it starts with "THE".
      const capitalised =
        /^\p{Lu}/u.test(bare) && (!NOT_IN_BLOCK.has(listKey(bare)) || /^\p{Lu}{2,}$/u.test(bare));
      if (capitalised || isAddressWord(bare) || CONNECTORS.has(listKey(bare))) length = bare.length;
      else if (
        !NOT_IN_BLOCK.has(listKey(bare)) &&
        postcodeFollows(text, position + separator.length + bare.length)
      ) {
        // A lower-case English word inside a block ("nan", "reading") still belongs to it when
        // a postcode comes right after: the block has not ended yet.
        length = bare.length;
      }
    }
    if (length === 0) break;
    parts.push([position + separator.length, position + separator.length + length]);
    position += separator.length + length;
  }
  return parts;
}

/**
 * US military mail: "PSC 3538, Box 6140 / APO AP 28834", "Unit 5951 Box 3807 / DPO AE 59589",
 * "USNS Lafontaine / FPO AE 70248" (the ship's name is a name too); in any letter case.
 */
const MILITARY =
  /\b(?:(?:PSC|CMR|Unit)[ \t]+\d{1,5},?[ \t]+Box[ \t]+\d{1,5}|US(?:S|NS|NV|CGC)[ \t]+\p{Lu}[\p{L}'’-]+)(?:[ \t]*[,\n][ \t\n]*(?:APO|FPO|DPO)[ \t]+A[AEP][ \t]+\d{5})?|\b(?:APO|FPO|DPO)[ \t]+A[AEP][ \t]+\d{5}\b/giu;

function postcodeFollows(text: string, from: number): boolean {
  return blockParts(text, from, 2).some(([start, end]) => POSTCODE.test(text.slice(start, end)));
}

const NAME_RUN =
  "\\p{Lu}[\\p{L}\\p{M}'’.-]*(?:[ \\t]+(?:\\p{Lu}[\\p{L}\\p{M}'’.-]*|van|von|de|der|del|la|di|da)){0,3}";
const CROSS_STREET_BEFORE = new RegExp(
  `(?:(?:the[ \\t]+)?corner[ \\t]+of[ \\t]+(?:${NAME_RUN}[ \\t]+(?:and|&)[ \\t]+)?|${NAME_RUN}[ \\t]+(?:and|&)[ \\t]+)$`,
  'u',
);
const CROSS_STREET_AFTER = new RegExp(`^[ \\t]+(?:and|&)[ \\t]+${NAME_RUN}`, 'u');

export function findAddresses(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(MILITARY)) {
    const end = match.index + match[0].length;
    found.push({ ...finding(text, 'LOCATION', match.index, end), evidence: EVIDENCE.pattern });
  }
  for (const [start, end] of anchors(text, tokenize(text))) {
    // "63 30 N. Stadion": a building number before the house number belongs to the line too.
    const leading = /(?<![\w.,-])\d{1,5}[A-Za-z]?[ \t]+$/.exec(
      text.slice(Math.max(0, start - 8), start),
    );
    let from = leading ? start - leading[0].length : start;
    // An intersection: "the corner of Elm Row and 14 Keizersgracht", "Marika and 1481 Maud St".
    const cross = CROSS_STREET_BEFORE.exec(text.slice(Math.max(0, from - 60), from));
    // A sentence's first word stays when it is an everyday one: "Then Tom and 12 Oak St".
    let crossText = cross?.[0] ?? '';
    const lead = /^(\p{Lu}\p{Ll}*)[ \t]+/u.exec(crossText);
    if (lead && isCommonEnglish(lead[1] ?? '') && startsSentence(text, from - crossText.length)) {
      crossText = crossText.slice(lead[0].length);
    }
    if (/^(?:and|&)/.test(crossText)) crossText = '';
    from -= crossText.length;
    let to = end;
    const after = /corner[ \t]+of[ \t]+$/.test(cross?.[0] ?? '')
      ? CROSS_STREET_AFTER.exec(text.slice(end))
      : null;
    if (after) to += after[0].length;
    for (const [partStart, partEnd] of [[from, to], ...blockParts(text, to)] as const) {
      found.push({ ...finding(text, 'LOCATION', partStart, partEnd), evidence: EVIDENCE.pattern });
    }
  }
  return found;
}
