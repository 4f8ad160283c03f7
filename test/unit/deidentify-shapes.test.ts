import { describe, expect, it } from 'vitest';
import { deidentify } from '../../electron/core/sync/deidentify';

/** Sentences written for these tests: phone, date-time and name-suffix shapes. */
const redacted = (text: string) => deidentify(text).text;

describe('phone numbers in more shapes', () => {
  it.each([
    ['Ring me on (03) 9421 7788 tonight.', 'Ring me on [PHONE] tonight.'],
    ['The old number was (41) 552-908.', 'The old number was [PHONE].'],
    ['From abroad dial 44 207 946 0321 instead.', 'From abroad dial [PHONE] instead.'],
    ['Her desk line is 001-312-555-0148x221.', 'Her desk line is [PHONE].'],
    ['Try +49 030 555 1234 after six.', 'Try [PHONE] after six.'],
    ['Her office is +33 (0)1 45 67 89 10 now.', 'Her office is [PHONE] now.'],
    ['Text +447911123456 when you land.', 'Text [PHONE] when you land.'],
    ['Mobile 07911 123456 or home.', 'Mobile [PHONE] or home.'],
  ])('%s', (text, expected) => {
    expect(redacted(text)).toBe(expected);
  });

  it('leaves scores and doses alone', () => {
    expect(redacted('PHQ-9 of 14 and 20 mg at 8 am.')).toBe('PHQ-9 of 14 and 20 mg at 8 am.');
  });
});

describe('ISO date-times', () => {
  it.each([
    ['Logged 2021-11-03 09:15:42 by the nurse.', 'Logged [DATE] by the nurse.'],
    ['Started 2020-02-29T23:05Z, ended later.', 'Started [DATE], ended later.'],
  ])('%s', (text, expected) => {
    expect(redacted(text)).toBe(expected);
  });
});

describe('credentials after a name', () => {
  it.each([
    ['She was seen by Dr. Amara Okeke MD last week.', 'She was seen by Dr. [NAME] last week.'],
    ['Referral from Omar Haddad, LCSW.', 'Referral from [NAME].'],
    ['The vet was Ines Carvalho DVM, kind.', 'The vet was [NAME], kind.'],
  ])('%s', (text, expected) => {
    expect(redacted(text)).toBe(expected);
  });
});

describe('initials and particles inside names', () => {
  it.each([
    ['I met Anneke van den Berg there.', 'I met [NAME] there.'],
    ['A note from Tomasz J. Wiśniewski came.', 'A note from [NAME] came.'],
    ['Ask Oldřich K Dvořák about it.', 'Ask [NAME] about it.'],
    ['Then Mr. van Aalst phoned.', 'Then Mr. [NAME] phoned.'],
  ])('%s', (text, expected) => {
    expect(redacted(text)).toBe(expected);
  });
});
