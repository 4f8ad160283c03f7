import { describe, expect, it } from 'vitest';
import {
  EMPTY_FORM,
  formFromParams,
  formToInput,
  formToSearch,
  type SearchForm,
} from '../../renderer/src/pages/search/search-form';
import { countWords, hitHref, whereWords } from '../../renderer/src/pages/search/search-words';
import type { SearchHit, SearchResult } from '../../shared/api/search-schemas';

const HIT: SearchHit = {
  id: 'd1',
  source: 'transcript',
  clientId: 'c1',
  clientName: 'Maria Lopez',
  sessionId: 's1',
  sessionTitle: null,
  date: Date.parse('2026-11-03T00:00:00Z'),
  segmentId: 'g1',
  startMs: 245_000,
  noteId: null,
  sectionKey: null,
  planId: null,
  briefId: null,
  label: 'Dr. Lee',
  snippet: [],
  score: 1,
  matchedBy: ['keyword'],
  hasRisk: false,
};

/** The desk's half of search: where a hit opens, how it is said, and the question in the URL. */
describe('search in the desk', () => {
  it('opens each kind of hit where it was found', () => {
    expect(hitHref(HIT)).toBe('/sessions/s1?segment=g1&t=245000');
    const note = { ...HIT, source: 'note', segmentId: null, sectionKey: 'plan' } as const;
    expect(hitHref(note)).toBe('/sessions/s1?section=plan');
    const plan = { ...HIT, source: 'plan', sessionId: null, planId: 'p1' } as const;
    expect(hitHref(plan)).toBe('/clients/c1?plan=p1');
    const brief = { ...HIT, source: 'brief', segmentId: null, briefId: 'b1' } as const;
    expect(hitHref(brief)).toBe('/sessions/s1');
    expect(hitHref({ ...HIT, sessionId: null, clientId: null })).toBeNull();
  });

  it('says where in words', () => {
    expect(whereWords(HIT)).toBe('Transcript — Dr. Lee at 4:05');
    expect(whereWords({ ...HIT, source: 'note', label: 'Plan', sectionKey: 'plan' })).toBe(
      'Note — Plan section',
    );
    expect(whereWords({ ...HIT, source: 'note', label: 'Addendum', sectionKey: 'addendum' })).toBe(
      'Note — Addendum',
    );
    expect(whereWords({ ...HIT, source: 'plan', label: 'Homework' })).toBe(
      'Treatment plan — Homework',
    );
  });

  it('counts the results in words, for the palette and for a page', () => {
    const result = (total: number, shown: number): SearchResult => ({
      hits: Array.from({ length: shown }, (_, i) => ({ ...HIT, id: `d${i}` })),
      total,
      mode: 'hybrid',
      semantic: { available: true, reason: null },
      pending: 0,
      tookMs: 1,
    });
    expect(countWords(result(0, 0))).toBe('No results');
    expect(countWords(result(1, 1))).toBe('1 result');
    expect(countWords(result(57, 8), 1, 8)).toBe('The first 8 of 57 results');
    expect(countWords(result(57, 20), 2)).toBe('Results 21–40 of 57');
  });

  it('carries the whole question in the URL and back, defaults left out', () => {
    const form: SearchForm = {
      ...EMPTY_FORM,
      q: 'sleep "early waking"',
      clientId: 'c1',
      from: '2026-01-01',
      source: 'note',
      risk: 'yes',
      sort: 'oldest',
    };
    const url = formToSearch(form, 3);
    expect(url).not.toContain('kind=');
    const back = formFromParams(new URLSearchParams(url.slice(url.indexOf('?') + 1)));
    expect(back).toEqual({ form, page: 3 });
  });

  it('drops values the controls do not offer from a hand-edited URL', () => {
    const { form, page } = formFromParams(
      new URLSearchParams('q=x&source=email&sort=loudest&from=yesterday&risk=maybe&page=-2'),
    );
    expect(form).toEqual({ ...EMPTY_FORM, q: 'x' });
    expect(page).toBe(1);
  });

  it('asks the API for session days as UTC midnights, and only the filters set', () => {
    const input = formToInput(
      { ...EMPTY_FORM, q: ' sleep ', from: '2026-03-01', to: '2026-03-31', risk: 'no' },
      20,
      2,
    );
    expect(input).toEqual({
      query: 'sleep',
      mode: 'hybrid',
      sort: 'relevance',
      limit: 20,
      offset: 20,
      filters: {
        from: Date.UTC(2026, 2, 1),
        to: Date.UTC(2026, 2, 31),
        hasRisk: false,
      },
    });
  });
});
