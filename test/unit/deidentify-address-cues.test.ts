import { describe, expect, it } from 'vitest';
import { deidentify } from '../../electron/core/sync/deidentify';
import { findCuedAddresses } from '../../electron/core/sync/deidentify/address-cues';

/** Sentences written for these tests: addresses announced by the words before them. */
const cued = (text: string) => findCuedAddresses(text).map((f) => f.text);

describe('addresses announced by a cue', () => {
  it.each([
    ['Her address: 14 Quillfeather Rise, Dunmore', '14 Quillfeather Rise, Dunmore'],
    ['My address is 7 Oude Haven 3, Gent.', '7 Oude Haven 3, Gent'],
    [
      'We met at the corner of Lipová 12 and Harrow Green today.',
      'the corner of Lipová 12 and Harrow Green',
    ],
    ['The clinic is on Kastanjelaan 88', 'Kastanjelaan 88'],
  ])('%s', (text, address) => {
    expect(cued(text)).toContain(address);
  });

  it.each([
    'My address is the same as before.',
    'She is on Lexapro 20 mg now.',
    'He was on Monday 5 of the schedule.',
  ])('leaves other uses alone: %s', (text) => {
    expect(cued(text)).toEqual([]);
  });
});

describe('towns in capitals after a locative', () => {
  it('takes an unknown all-capitals town, not an acronym or a common word', () => {
    expect(deidentify('He grew up in KILLANDREW and then lived in COVID times.').text).toBe(
      'He grew up in [LOCATION] and then lived in COVID times.',
    );
  });
});

describe('full names that start with an everyday word', () => {
  it.each([
    ['Then Miles Okafor called again.', 'Then [NAME] called again.'],
    ['Name:   Christian Holloway-Pike', 'Name:   [NAME]'],
  ])('%s', (text, expected) => {
    expect(deidentify(text).text).toBe(expected);
  });

  it('leaves a title or a possessive before a name alone', () => {
    expect(deidentify('Pastor Jim said my Fitbit’s strap broke.').text).toBe(
      'Pastor [NAME] said my Fitbit’s strap broke.',
    );
  });
});

describe('cues in lower case', () => {
  it('reads military mail and intersections in lower case', () => {
    expect(deidentify('send it to psc 1182, box 4471\napo ae 09011 please').text).toBe(
      'send it to [LOCATION] please',
    );
    expect(cued('meet at the corner of via roma 12 and lindenweg')).toContain(
      'the corner of via roma 12 and lindenweg',
    );
  });
});
