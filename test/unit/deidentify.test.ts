import { describe, expect, it } from 'vitest';
import { deidentify, findIdentifiers } from '../../electron/core/sync/deidentify';
import type { IdentifierCategory } from '../../electron/core/sync/deidentify/categories';
import { combineFindings, EVIDENCE } from '../../electron/core/sync/deidentify/combine';
import { findKnownNames } from '../../electron/core/sync/deidentify/known-names';
import { findNlpNamesAndPlaces } from '../../electron/core/sync/deidentify/nlp-names';

const found = (text: string, knownNames: string[] = []) =>
  findIdentifiers(text, { knownNames }).map((f) => `${f.category}:${f.text}`);

describe('deidentify', () => {
  it('replaces each identifier with its typed placeholder and reports what it replaced', () => {
    const result = deidentify("Maria's number is 555-212-3344 and she lives in Tacoma.", {
      knownNames: ['Maria Lopez'],
    });
    expect(result.text).toBe("[NAME]'s number is [PHONE] and she lives in [LOCATION].");
    expect(result.findings.map((f) => f.category)).toEqual(['NAME', 'PHONE', 'LOCATION']);
    expect(result.findings[0]).toMatchObject({ start: 0, end: 5, text: 'Maria' });
  });

  it('does not flag placeholders already in the text', () => {
    expect(found('[NAME] called [PHONE] on [DATE] 2023 from [LOCATION].')).toEqual([]);
    expect(found('Dr. [NAME] said [NAME]’s [AGE]-year-old mother is fine.')).toEqual([]);
  });

  it('leaves clean text alone', () => {
    expect(deidentify('I slept badly again.').text).toBe('I slept badly again.');
  });
});

describe('what is kept', () => {
  it.each([
    'I started drinking in 2019.',
    'I was born in 1987.',
    "I'm 34 and my dad is 89.",
    'PHQ-9 of 14, GAD-7 of 12.',
    "I'm on 20 mg of Lexapro and 0.5 mg Ativan.",
    'I meditated for 10 minutes and woke at 3 am.',
    'It was 95 degrees and she got a 92 on the test.',
    'Will you be okay? I hope so; May I ask?',
    'There was no grace in it. Hope is hard right now.',
    'The Dr. said it was anxiety.',
    'Last Tuesday was awful, and next week will be worse.',
    'We drove through Ohio to Texas, then to Mexico.',
    'I owe $4,500 and rent is 1,850 a month.',
    'I called 911 and then 988.',
  ])('%s', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('pattern detectors', () => {
  it.each<[string, IdentifierCategory, string]>([
    ['She is 92 and still drives.', 'AGE', '92'],
    ['a 95-year-old widow', 'AGE', '95'],
    ['my grandfather, aged ninety-three', 'AGE', 'ninety-three'],
    ['My dad died on March 3rd.', 'DATE', 'March 3rd'],
    ['The court date is 3/14.', 'DATE', '3/14'],
    ['admitted 14 March 2024', 'DATE', '14 March 2024'],
    ['sober since the 21st', 'DATE', '21st'],
    ['Call (555) 867-5309 tonight.', 'PHONE', '(555) 867-5309'],
    [
      'it is five five five, two one two, nine nine eight seven',
      'PHONE',
      'five five five, two one two, nine nine eight seven',
    ],
    ['Fax it to 617-555-0140.', 'FAX', '617-555-0140'],
    ['Email me at maria.lopez82@gmail.com.', 'EMAIL', 'maria.lopez82@gmail.com'],
    ['See https://bit.ly/3xYz9Qp.', 'URL', 'https://bit.ly/3xYz9Qp'],
    ['My shop is etsy.com/shop/MariasCandles.', 'URL', 'etsy.com/shop/MariasCandles'],
    ['It came from 192.168.14.22.', 'IP', '192.168.14.22'],
    ['My social is 123-45-6789.', 'SSN', '123-45-6789'],
    ['MRN 7734-221 at the desk', 'MRN', '7734-221'],
    ['My member ID is XGH448812309.', 'HEALTH_PLAN', 'XGH448812309'],
    ['My Tricare ID is 1234567890.', 'HEALTH_PLAN', '1234567890'],
    ['The card ending in 4421 was maxed.', 'ACCOUNT', '4421'],
    ['Her nursing license, RN 884201, lapsed.', 'LICENSE', 'RN 884201'],
    ['License plate HDN 5502, a pickup.', 'VEHICLE', 'HDN 5502'],
    ['The pump serial is NG1192847H.', 'DEVICE', 'NG1192847H'],
    ['My case number is 2023-CW-004417.', 'ID', '2023-CW-004417'],
    ['The number on the letter was 88-1193-04.', 'ID', '88-1193-04'],
    ['She lives at 1180 Birchwood Drive, Apt 4B.', 'LOCATION', '1180 Birchwood Drive, Apt 4B'],
    ["They kept him at St. Mary's Hospital.", 'LOCATION', "St. Mary's Hospital"],
    ['She goes to Lincoln Elementary.', 'LOCATION', 'Lincoln Elementary'],
    ['I grew up in Dayton, Ohio.', 'LOCATION', 'Dayton'],
    ['Send it to Burlington, VT 05401.', 'LOCATION', '05401'],
    ['Her therapist, Dr. Okafor, retired.', 'NAME', 'Okafor'],
    ['My friend Will drove me.', 'NAME', 'Will'],
  ])('%s → %s', (text, category, value) => {
    expect(found(text)).toContain(`${category}:${value}`);
  });

  it('keeps the year of a holiday and replaces the day', () => {
    expect(deidentify('The last time I drank was Christmas Eve 2023.').text).toBe(
      'The last time I drank was [DATE] 2023.',
    );
  });

  it('keeps a state after a city', () => {
    expect(deidentify('I was born in El Paso, Texas.').text).toBe(
      'I was born in [LOCATION], Texas.',
    );
  });
});

describe('the dictionary of known names', () => {
  const names = (text: string, known: string[]) => findKnownNames(text, known).map((f) => f.text);

  it('matches full names and their parts as whole words, in any case', () => {
    expect(names('Maria Lopez came; later maria and LOPEZ left.', ['Maria Lopez'])).toEqual([
      'Maria Lopez',
      'maria',
      'LOPEZ',
    ]);
    expect(names('Marianne and Lopezville are other words.', ['Maria Lopez'])).toEqual([]);
  });

  it('leaves the possessive outside the span', () => {
    expect(deidentify("I told Maria's mother.", { knownNames: ['Maria Lopez'] }).text).toBe(
      "I told [NAME]'s mother.",
    );
    expect(names('Maria’s car', ['Maria'])).toEqual(['Maria']);
  });

  it('matches a nickname only when the session lists it', () => {
    expect(names('danny came home', ['Daniel Reyes'])).toEqual([]);
    expect(names('danny came home', ['Daniel Reyes', 'Danny'])).toEqual(['danny']);
  });

  it('matches a name that is also a common word only capitalised', () => {
    expect(names('I will tell Will tomorrow.', ['Will Turner'])).toEqual(['Will']);
    expect(names('There is hope for Hope.', ['Hope'])).toEqual(['Hope']);
  });

  it('ignores particles of a full name', () => {
    expect(names('de la Cruz and la Cruz', ['Ana de la Cruz'])).toEqual(['Cruz', 'Cruz']);
  });
});

describe('the NLP detector', () => {
  it('tags people and cities it knows, and skips states', () => {
    const tagged = findNlpNamesAndPlaces('Jessica Nguyen flew to Albuquerque from Ohio.');
    expect(tagged.map((f) => `${f.category}:${f.text}`)).toEqual([
      'NAME:Jessica Nguyen',
      'LOCATION:Albuquerque',
    ]);
  });

  it('does not trust a sentence-initial common word', () => {
    expect(findNlpNamesAndPlaces('Joy feels like something other people have.')).toEqual([]);
  });
});

describe('the combiner', () => {
  const candidate = (
    category: IdentifierCategory,
    start: number,
    end: number,
    evidence: number,
  ) => ({
    category,
    start,
    end,
    text: '',
    evidence,
  });
  const text = 'x'.repeat(40);

  it('lets the wider of two overlapping spans win', () => {
    const merged = combineFindings(text, [
      candidate('NAME', 5, 10, EVIDENCE.dictionary),
      candidate('LOCATION', 0, 20, EVIDENCE.pattern),
    ]);
    expect(merged).toMatchObject([{ category: 'LOCATION', start: 0, end: 20 }]);
  });

  it('covers the union of partly overlapping spans', () => {
    const merged = combineFindings(text, [
      candidate('ID', 0, 8, EVIDENCE.pattern),
      candidate('PHONE', 4, 16, EVIDENCE.pattern),
    ]);
    expect(merged).toMatchObject([{ category: 'PHONE', start: 0, end: 16 }]);
  });

  it('gives equal spans to the better evidence, then to the more specific category', () => {
    expect(
      combineFindings(text, [
        candidate('NAME', 0, 6, EVIDENCE.guess),
        candidate('LOCATION', 0, 6, EVIDENCE.pattern),
      ]),
    ).toMatchObject([{ category: 'LOCATION' }]);
    expect(
      combineFindings(text, [
        candidate('ID', 0, 11, EVIDENCE.pattern),
        candidate('SSN', 0, 11, EVIDENCE.pattern),
      ]),
    ).toMatchObject([{ category: 'SSN' }]);
  });

  it('joins a first and a last name found by different detectors', () => {
    const joined = combineFindings('Maria Lopez', [
      candidate('NAME', 0, 5, EVIDENCE.dictionary),
      candidate('NAME', 6, 11, EVIDENCE.model),
    ]);
    expect(joined).toEqual([{ category: 'NAME', start: 0, end: 11, text: 'Maria Lopez' }]);
  });
});
