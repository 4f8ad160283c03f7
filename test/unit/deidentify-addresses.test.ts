import { describe, expect, it } from 'vitest';
import { deidentify } from '../../electron/core/sync/deidentify';
import { findAddresses } from '../../electron/core/sync/deidentify/address-patterns';

/** Sentences written for these tests: kinds of address, not any data set's addresses. */
const redacted = (text: string) => deidentify(text).text;
const addressText = (text: string) => findAddresses(text).map((f) => f.text);

describe('street addresses in many countries’ shapes', () => {
  it.each([
    ['She moved to Kastanienallee 41 last spring.', 'Kastanienallee 41'],
    ['Send it to Keizersgracht 214, please.', 'Keizersgracht 214'],
    ['He grew up at Bergsgatan 7.', 'Bergsgatan 7'],
    ['The flat is on Mannerheimintie 90.', 'Mannerheimintie 90'],
    ['We met at 17 Rue des Lilas yesterday.', '17 Rue des Lilas'],
    ['Her mother lives at Calle del Olivo 23.', 'Calle del Olivo 23'],
    ['He stayed at Via Garibaldi 8 for a month.', 'Via Garibaldi 8'],
    ['i used to live at 14 thornbury road', '14 thornbury road'],
    ['It was a flat on Dózsa György út 62.', 'Dózsa György út 62'],
    ['My aunt is at 9 Ostrowskiego 14.', '9 Ostrowskiego 14'],
  ])('%s', (text, address) => {
    expect(addressText(text).join(' ')).toContain(address);
  });

  it('takes the whole block: units, town, region, postcode and country lines', () => {
    const text =
      'Ship it to\n12 Harwood Lane\nApt. 4B\nLittle Snoring, NR21 0AA\nUnited Kingdom\nThanks!';
    // The country may stay under Safe Harbor; inside a block it goes too (a word, not a person).
    expect(redacted(text)).toMatch(/^Ship it to\n(?:\[(?:LOCATION|NAME)\][\s,]*)+Thanks!$/);
  });

  it('follows a block on one line and stops at ordinary English', () => {
    expect(redacted('I lived at 5 Oak Terrace, Suite 12, Bramley, OH 44114 for years.')).toMatch(
      /^I lived at (?:\[LOCATION\][\s,]*)+for years\.$/,
    );
    expect(redacted('Her office is 221 Kettle Road in the old mill.')).toBe(
      'Her office is [LOCATION] in the old mill.',
    );
  });

  it('keeps a building number before the house number', () => {
    expect(addressText('It is 4 18 Kirkegade now.')).toContain('4 18 Kirkegade');
  });

  it.each([
    'I take 2 Advil 3 times a day.',
    'Case RPT 2023-118842 is closed.',
    'Patient ID PT448201 is on the band.',
    'We had 3 kids in 4 years.',
    'Room 5 was cold.',
    'She scored 12 on the PHQ 9 last week.',
  ])('is not fooled by numbers beside words: %s', (text) => {
    expect(addressText(text)).toEqual([]);
  });
});

describe('names and places outside ASCII', () => {
  it.each([
    ['I saw Mrs. Øverland at the market.', 'Øverland'],
    ['We moved here from Zürich last year.', 'Zürich'],
    ['He still talks to Aleksandr Ždanov every week.', 'Aleksandr Ždanov'],
  ])('%s', (text, identifier) => {
    expect(deidentify(text).text).not.toContain(identifier.split(' ')[0]);
    expect(
      deidentify(text)
        .findings.map((f) => f.text)
        .join(' '),
    ).toContain(identifier);
  });
});

describe('address block details', () => {
  it('takes a compass point after the house number', () => {
    expect(addressText('Mail goes to 1200 W Harlan, Fenwick, 55410.')).toEqual([
      '1200 W Harlan',
      'Fenwick',
      '55410',
    ]);
  });

  it('reads lower-case street lines as ASR writes them', () => {
    expect(addressText('yeah we live at 12 oak street now')).toEqual(['12 oak street']);
    expect(addressText('we did a 10 mile trail and 2 kids in the park')).toEqual([]);
  });

  it('keeps a lower-case word inside a block when a postcode follows it', () => {
    expect(addressText('send it to 8 mill lane\n reading\n RG1 4AA please')).toEqual([
      '8 mill lane',
      'reading',
      'RG1 4AA',
    ]);
  });
});

describe('more address kinds', () => {
  it.each([
    ['Post goes to PSC 4410, Box 2291\nAPO AE 09012 now.', 'PSC 4410, Box 2291\nAPO AE 09012'],
    ['He is on USNS Marigold\nFPO AP 96612 until May.', 'USNS Marigold\nFPO AP 96612'],
    ['Send it to 4471 Hollowell Knolls, please.', '4471 Hollowell Knolls'],
    ['She moved to 2019 118th Street last year.', '2019 118th Street'],
  ])('%s', (text, address) => {
    expect(addressText(text).join('\n')).toContain(address);
  });

  it('reads escaped line breaks as breaks', () => {
    expect(deidentify('Address:\\n12 Birchwood Lane\\nApt. 3').text).toBe('Address:\\n[LOCATION]');
  });
});

describe('intersections and trailing parts', () => {
  it('takes the cross street of an intersection', () => {
    expect(addressText('Meet at Harrow Rise and 22 Quayside Walk tonight.')).toContain(
      'Harrow Rise and 22 Quayside Walk',
    );
    expect(addressText('It is the corner of Lindenweg 4 and Ashby Row now.')).toContain(
      'the corner of Lindenweg 4 and Ashby Row',
    );
  });

  it('takes a street word English also has inside a foreign street name', () => {
    expect(addressText('We met at 88 Kuusiku tee 12, Tartu.').join(' ')).toContain(
      '88 Kuusiku tee 12',
    );
  });
});
