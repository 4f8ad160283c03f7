import { describe, expect, it } from 'vitest';
import { deidentify } from '../../electron/core/sync/deidentify';
import { isCaseless, truecased } from '../../electron/core/sync/deidentify/truecase';

/**
 * Sentences written for these tests, in the shape speech recognisers and fast typists produce: no
 * capitals at all. Unit level: the public figure for lower-case text is in `npm run bench -- deid`.
 */
describe('reading a text without capitals as a writer would have written it', () => {
  it('tells a caseless text from a cased one', () => {
    expect(isCaseless("so i'm not sure i can talk to him about it")).toBe(true);
    expect(isCaseless('So I talked to Marisol about it.')).toBe(false);
    expect(isCaseless('')).toBe(false);
  });

  it('leaves a cased text exactly as it is', () => {
    const text = 'then i called dana about the Fenwick Road flat';
    expect(truecased(text)).toBe(text);
  });

  it('keeps every offset: only first letters change', () => {
    const text = 'we drove to ørsted and saw ülkü demirtaş there';
    const view = truecased(text);
    expect(view).toHaveLength(text.length);
    expect(view.toLowerCase()).toBe(text.toLowerCase());
  });

  it('capitalises names and places, not everyday or clinical words', () => {
    expect(truecased('i told oskarsdottir the sertraline was helping my sleep')).toBe(
      'i told Oskarsdottir the sertraline was helping my sleep',
    );
  });

  it('leaves acronyms, roman numerals and compounds small', () => {
    const text = 'the mrn and the ssn on the bloodwork waitlist for part vii';
    expect(truecased(text)).toBe(text);
  });

  it('takes an everyday word as a name beside another name', () => {
    expect(truecased('i ran into miles pekkarinen and grace at the gym')).toBe(
      'i ran into Miles Pekkarinen and Grace at the gym',
    );
  });

  it('takes an everyday given name from how it is used', () => {
    expect(truecased('then she said to me, call me dawn')).toContain('call me Dawn');
    expect(truecased('the letter from mrs. hill came')).toContain('mrs. Hill');
  });
});

describe('de-identifying a text without capitals', () => {
  it.each([
    ['honestly talking to miles pekkarinen helped', 'miles pekkarinen'],
    ['my sister wiebke van der hoeven called', 'wiebke van der hoeven'],
    ['my cousins were sunniva, mark and tobiah', 'mark'],
  ])('removes a person: %s', (text, name) => {
    expect(deidentify(text).text).not.toContain(name);
  });

  it('removes a street address written small', () => {
    const { text } = deidentify('she moved to 41 brackenfield road apt. 3 last spring');
    expect(text).not.toMatch(/brackenfield|41|apt\. 3/);
  });

  it('keeps the clinical words of a caseless note', () => {
    const text = 'client reports better sleep on sertraline and less rumination after cbt homework';
    expect(deidentify(text).text).toBe(text);
  });
});
