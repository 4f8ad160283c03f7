import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { parseQuery } from '../../electron/core/search/query-parser';

/** A real FTS5 table with Cairn's tokenizer, to prove every parsed query is valid FTS5. */
const db = new Database(':memory:');
db.exec("CREATE VIRTUAL TABLE t USING fts5(text, tokenize='porter unicode61 remove_diacritics 2')");
const insert = db.prepare('INSERT INTO t (text) VALUES (?)');
for (const text of [
  'She has not been sleeping well since the move.',
  'Her sister called and they argued about their mother again.',
  'Homework: complete a thought record on three evenings.',
  'Work stress and anxiety about deadlines; no sleep problems.',
  'Zoë spoke about her mother-in-law.',
])
  insert.run(text);
afterAll(() => db.close());

const matches = (query: string): number[] => {
  const { match } = parseQuery(query);
  if (!match) return [];
  return (
    db.prepare('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid').all(match) as {
      rowid: number;
    }[]
  ).map((r) => r.rowid);
};

describe('the search query parser', () => {
  it('reads plain words as all-must-match, stemmed', () => {
    expect(matches('sleep')).toEqual([1, 4]);
    expect(matches('sleep work')).toEqual([4]);
    expect(matches('argue')).toEqual([2]);
  });

  it('reads "phrases", prefix*, OR, -word and NOT', () => {
    expect(matches('"thought record"')).toEqual([3]);
    expect(matches('"record thought"')).toEqual([]);
    expect(matches('dead*')).toEqual([4]);
    expect(matches('sister OR homework')).toEqual([2, 3]);
    expect(matches('sleep -work')).toEqual([1]);
    expect(matches('sleep NOT work')).toEqual([1]);
    expect(matches('mother -"in law"')).toEqual([2]);
    expect(parseQuery('sleep OR insomnia nightmare').match).toBe(
      '(("sleep" OR "insomnia") AND "nightmare")',
    );
  });

  it('reads NEAR(a b, n) with its distance, capped', () => {
    expect(matches('NEAR(sister mother, 6)')).toEqual([2]);
    expect(matches('NEAR(sister mother, 2)')).toEqual([]);
    expect(parseQuery('NEAR(a b, 99999)').match).toBe('(NEAR("a" "b", 100))');
    expect(parseQuery('NEAR(a b)').match).toBe('(NEAR("a" "b", 10))');
  });

  it('folds accents and joins hyphenated words as a phrase', () => {
    expect(matches('zoe')).toEqual([5]);
    expect(matches('mother-in-law')).toEqual([5]);
  });

  it('reads malformed input as plain words, and pure negation or syntax as nothing', () => {
    expect(parseQuery('"unbalanced sleep').match).toBe('("unbalanced" AND "sleep")');
    expect(parseQuery('NEAR(sister mother').match).toBe('("sister" AND "mother")');
    expect(parseQuery('OR sleep OR').match).toBe('("sleep")');
    expect(parseQuery('text:sleep').match).toBe('("text sleep")');
    expect(parseQuery('-work').match).toBeNull();
    expect(parseQuery('AND OR NOT * ( ) " "').match).toBeNull();
    expect(parseQuery('"not sleeping" -work').text).toBe('not sleeping');
  });

  it('never yields an expression FTS5 refuses, whatever is typed', () => {
    const alphabet = [
      'a',
      'sleep',
      '"',
      '*',
      '-',
      '(',
      ')',
      ',',
      ':',
      '^',
      '+',
      'OR',
      'NOT',
      'AND',
      'NEAR(',
      '5',
      ' ',
      "'",
      '{',
      '}',
      '\\',
      'é',
    ];
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let n = 0; n < 2000; n++) {
      const length = 1 + Math.floor(random() * 12);
      const query = Array.from(
        { length },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
      expect(() => matches(query), query).not.toThrow();
    }
  });
});
