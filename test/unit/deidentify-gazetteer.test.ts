import { describe, expect, it } from 'vitest';
import { findGazetteerPlaces } from '../../electron/core/sync/deidentify/gazetteer-places';

/** Sentences written for these tests. */
const places = (text: string) => findGazetteerPlaces(text).map((f) => f.text);

describe('towns from the GeoNames gazetteer', () => {
  it.each([
    ['Tacoma was rainy all week.', 'Tacoma'],
    ['She works near Kalamazoo now.', 'Kalamazoo'],
    ['The office is in BAKERSFIELD.', 'BAKERSFIELD'],
    ['He grew up in Hradec Králové.', 'Hradec Králové'],
    ['Her flat is in Praha 6, near the park.', 'Praha 6'],
    ['we moved to tacoma in june', 'tacoma'],
  ])('%s', (text, place) => {
    expect(places(text)).toContain(place);
  });

  it.each([
    'The mobile clinic was nice, and reading helped.',
    'She lives in Texas, then France, then Ohio.',
    'He was in Boston 2 weeks ago.',
    'Haha, yeah, that was a lot.',
    'we talked about tacoma',
  ])('leaves common words, states, countries and counts alone: %s', (text) => {
    const found = places(text);
    expect(found.filter((p) => !/^Boston$/.test(p))).toEqual([]);
  });
});

describe('lower-case towns after a locative (ASR)', () => {
  it('takes a word no list knows after "lives in", "i\'m in"', () => {
    expect(places('my cousin lives in brønderslev now')).toContain('brønderslev');
    expect(places("i'm in kiskunhalas this week")).toContain('kiskunhalas');
  });

  it('leaves English, clinical and medication words alone', () => {
    expect(places('i was in therapy, in lockdown, in hypersomnia and on sertraline')).toEqual([]);
  });
});
