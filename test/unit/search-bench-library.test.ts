import { describe, expect, it } from 'vitest';
import { NoteContent } from '../../shared/api/note-schemas';
import { Id } from '../../shared/api/schemas';
import { planLibrary } from '../bench/search/library-plan';
import { phrase, wordCount } from '../bench/search/phrasing';
import { QUERIES, filtersOf, relevantSessions } from '../bench/search/queries';
import { distinctSessions, percentile, recallAt, reciprocalRank } from '../bench/search/relevance';
import { generateNote, generateTranscript } from '../bench/search/session-content';
import { TOPICS, topicById } from '../bench/search/topics';

/** The search bench's generated library and its measures; no database, no model. */
describe('the search bench library generator', () => {
  const plan = planLibrary(60);

  it('gives the same library, ids and words for the same size, and another for another seed', () => {
    const again = planLibrary(60);
    expect(again).toEqual(plan);
    const session = plan.sessions[7];
    if (!session) throw new Error('no session');
    expect(generateTranscript(again, session)).toEqual(generateTranscript(plan, session));
    expect(planLibrary(60, 23).sessions.map((s) => s.topics)).not.toEqual(
      plan.sessions.map((s) => s.topics),
    );
  });

  it('writes sessions of a 50- to 70-minute length, about 8,000 words', () => {
    const transcripts = plan.sessions.slice(0, 12).map((s) => generateTranscript(plan, s));
    for (const t of transcripts) {
      expect(t.words).toBeGreaterThanOrEqual(7000);
      expect(t.words).toBeLessThan(9200);
      expect(t.words).toBe(t.segments.reduce((sum, s) => sum + wordCount(s.text), 0));
      expect(t.segments.length).toBeGreaterThan(700);
      const last = t.segments.at(-1);
      expect(last && last.end / 60).toBeGreaterThan(45);
      expect(last && last.end / 60).toBeLessThan(72);
    }
  });

  it('labels each session with the topics its transcript and note are about', () => {
    for (const session of plan.sessions.slice(0, 12)) {
      expect(new Set(session.topics).size).toBe(session.topics.length);
      expect(session.topics.length).toBeGreaterThanOrEqual(2);
      expect(session.topics.length).toBeLessThanOrEqual(4);
      expect(session.risks).toEqual([
        ...new Set(session.topics.flatMap((t) => topicById(t).risk ?? [])),
      ]);
      const t = generateTranscript(plan, session);
      const said = new Set(t.segments.flatMap((s) => s.topic ?? []));
      expect([...said].sort()).toEqual([...session.topics].sort());
      const ids = t.segments.map((_, i) => `segment-${i}`);
      const note = NoteContent.parse(generateNote(plan, session, t, ids));
      const cited = note.sections.flatMap((s) => s.items.flatMap((i) => i.segmentIds));
      for (const id of cited) expect(said).toContain(t.segments[ids.indexOf(id)]?.topic);
    }
  });

  it('has a bank of at least 40 topics, each said in varied words', () => {
    expect(TOPICS.length).toBeGreaterThanOrEqual(40);
    const random = () => 0.99;
    const slots = {
      drug: 'sertraline',
      partner: 'Sam',
      lost: 'my mum',
      child: 'Leo',
      day: 'Monday',
    };
    for (const topic of TOPICS) {
      expect(topic.client.length).toBeGreaterThanOrEqual(4);
      expect(topic.client.every((line) => !phrase(line, slots, random).includes('{'))).toBe(true);
    }
  });

  it('gives stable UUIDs the API accepts', () => {
    expect(() => Id.parse(plan.sessions[0]?.id)).not.toThrow();
    expect(() => Id.parse(plan.clients[0]?.id)).not.toThrow();
  });
});

describe('the labelled query set', () => {
  const plan = planLibrary(1000);

  it('has 30 or more queries of each kind a clinician types, on topics of the bank', () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(30);
    for (const kind of ['keyword', 'meaning', 'filtered'] as const)
      expect(QUERIES.filter((q) => q.kind === kind).length).toBeGreaterThanOrEqual(8);
    for (const query of QUERIES) expect(() => topicById(query.topic)).not.toThrow();
  });

  it('finds relevant sessions for every query on the full library, within its filters', () => {
    for (const query of QUERIES) {
      const relevant = relevantSessions(query, plan);
      expect(relevant.size, query.text).toBeGreaterThan(0);
      const filters = filtersOf(query, plan);
      for (const id of relevant) {
        const session = plan.sessions.find((s) => s.id === id);
        expect(session?.topics).toContain(query.topic);
        if (filters?.clientId) expect(session?.clientId).toBe(filters.clientId);
        const client = plan.clients[session?.clientIndex ?? -1];
        for (const [key, value] of Object.entries(query.client ?? {}))
          expect(client?.[key as keyof typeof query.client]).toBe(value);
        if (filters?.sessionKinds) expect(filters.sessionKinds).toContain(session?.kind);
        if (filters?.hasRisk !== undefined)
          expect((session?.risks.length ?? 0) > 0).toBe(filters.hasRisk);
      }
    }
  });
});

describe('relevance measures', () => {
  const relevant = new Set(['a', 'c', 'x']);

  it('reads hits as sessions, each once, in the order of its first hit', () => {
    const hits = [{ sessionId: 'b' }, { sessionId: 'a' }, { sessionId: null }, { sessionId: 'b' }];
    expect(distinctSessions(hits)).toEqual(['b', 'a']);
  });

  it('caps recall@k by what could fit, and ranks the first relevant session for MRR', () => {
    expect(recallAt(['b', 'a', 'c'], relevant, 10)).toBeCloseTo(2 / 3);
    expect(recallAt(['b', 'a', 'c'], relevant, 2)).toBeCloseTo(1 / 2);
    expect(recallAt(['b'], new Set(), 10)).toBe(0);
    expect(reciprocalRank(['b', 'd', 'c'], relevant)).toBeCloseTo(1 / 3);
    expect(reciprocalRank(['b'], relevant)).toBe(0);
  });

  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(percentile(values, 50)).toBe(10);
    expect(percentile(values, 95)).toBe(19);
    expect(percentile([7], 95)).toBe(7);
  });
});
