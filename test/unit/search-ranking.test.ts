import { describe, expect, it, vi } from 'vitest';
import { reciprocalRankFusion, RRF_K } from '../../electron/core/search/fusion';
import { plainSnippet, snippetParts } from '../../electron/core/search/snippet';
import { quantize, VectorIndex } from '../../electron/core/search/vector-index';
import { SENTENCE_EMBEDDING_SIZE } from '../../electron/core/notes/risk/semantic/sentence-encoder';

describe('reciprocal rank fusion', () => {
  it('puts what both lists found above what one found first, and says who found it', () => {
    const keyword = ['a', 'b', 'c'];
    const semantic = ['d', 'c', 'e'];
    const fused = reciprocalRankFusion([keyword, semantic], (x) => x);
    expect(fused[0]).toMatchObject({ key: 'c', foundBy: [0, 1] });
    expect(fused[0]?.score).toBeCloseTo(1 / (RRF_K + 3) + 1 / (RRF_K + 2));
    expect(fused.map((f) => f.key)).toEqual(['c', 'a', 'd', 'b', 'e']);
    expect(fused.find((f) => f.key === 'd')?.items).toEqual([undefined, 'd']);
  });

  it('counts a key a list names twice at its best rank only', () => {
    const fused = reciprocalRankFusion([['a', 'a', 'b']], (x) => x);
    expect(fused.map((f) => [f.key, f.score])).toEqual([
      ['a', 1 / (RRF_K + 1)],
      ['b', 1 / (RRF_K + 3)],
    ]);
  });
});

describe('snippets', () => {
  it('turns FTS5 marks into parts, with no HTML', () => {
    expect(snippetParts('…not \u0001sleeping\u0002 well, \u0001sleep\u0002 <b>x</b>')).toEqual([
      { text: '…not ', highlight: false },
      { text: 'sleeping', highlight: true },
      { text: ' well, ', highlight: false },
      { text: 'sleep', highlight: true },
      { text: ' <b>x</b>', highlight: false },
    ]);
    expect(snippetParts('')).toEqual([]);
  });

  it('cuts a passage found by meaning at a word', () => {
    const text = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    const [part] = plainSnippet(text, 30);
    expect(part?.text.split(' ')).toHaveLength(30);
    expect(part?.text.endsWith('w29…')).toBe(true);
    expect(part?.highlight).toBe(false);
  });
});

describe('the in-memory vector index', () => {
  const unit = (...values: number[]) => {
    const v = new Float32Array(SENTENCE_EMBEDDING_SIZE);
    values.forEach((x, i) => (v[i] = x));
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  };
  const row = (groupKey: string, vector: Float32Array) => {
    const { bytes, scale } = quantize(vector);
    return { groupKey, owner: `t:${groupKey}`, sessionId: groupKey, vector: bytes, scale };
  };
  // apply() reads the table's signature; an index never loaded has none to keep.
  const noTable = { prepare: () => ({ get: () => ({ n: 0, m: 0 }) }) } as never;

  it('ranks by cosine within int8 error, keeps the floor, and forgets removed vectors', () => {
    const index = new VectorIndex();
    index.apply(noTable, [], [row('x', unit(1, 0)), row('y', unit(1, 1)), row('z', unit(0, 1))]);
    const found = index.search(unit(1, 0.2), () => true, 10, 0.5);
    expect(found.map((m) => m.groupKey)).toEqual(['x', 'y']);
    expect(found[0]?.score).toBeCloseTo(1 / Math.hypot(1, 0.2), 2);
    index.apply(noTable, ['x'], []);
    expect(index.size).toBe(2);
    expect(index.search(unit(1, 0.2), () => true, 10, 0.5).map((m) => m.groupKey)).toEqual(['y']);
    expect(index.search(unit(1, 0.2), (slot) => slot.sessionId !== 'y', 10, 0)).toHaveLength(1);
  });
});

describe('the vector scan thread', () => {
  it('answers as the scan on this thread does, also after a change made mid-scan', async () => {
    const index = new VectorIndex();
    const noTable = { prepare: () => ({ get: () => ({ m: 0, r: 0 }) }) } as never;
    const vector = (seed: number) =>
      Float32Array.from({ length: SENTENCE_EMBEDDING_SIZE }, (_, d) => Math.sin(seed * 7 + d));
    const rows = Array.from({ length: 50 }, (_, i) => {
      const v = vector(i);
      const norm = Math.hypot(...v);
      const { bytes, scale } = quantize(v.map((x) => x / norm));
      return {
        groupKey: `g${i}`,
        owner: `t:s${i % 5}`,
        sessionId: `s${i % 5}`,
        vector: bytes,
        scale,
      };
    });
    index.apply(noTable, [], rows);
    const query = vector(3).map((x) => x / Math.hypot(...vector(3)));
    const here = index.search(query, (slot) => slot.sessionId !== 's0', 10, -1);
    // The thread answers, not the fallback on this thread.
    const fallback = vi.spyOn(index, 'search');
    const scanning = index.scan(query, (slot) => slot.sessionId !== 's0', 10, -1);
    // Removed while the thread scans: the scan answers from what it was given.
    index.apply(noTable, ['g3'], []);
    const threaded = await scanning;
    index.close();
    expect(fallback).not.toHaveBeenCalled();
    expect(threaded.map((m) => m.groupKey)).toEqual(here.map((m) => m.groupKey));
    expect(threaded[0]?.groupKey).toBe('g3');
    expect(threaded[0]?.score).toBeCloseTo(here[0]?.score ?? 0, 5);
  });
});
