/**
 * What a clinician types, read into a safe FTS5 MATCH expression. The syntax is small and
 * forgiving: plain words (all must match), "a phrase", prefix*, NEAR(a b, 5), a OR b, -word or
 * NOT word. Anything malformed (an unbalanced quote, a NEAR without its parenthesis, a stray
 * operator) is read as plain words, never an error: every term reaches FTS5 double-quoted, so no
 * input can be read as FTS5 syntax or column filters, and nothing reaches SQL but a bound value.
 */

export interface ParsedQuery {
  /** The MATCH expression, or null when nothing searchable is left (e.g. only "-word"). */
  match: string | null;
  /** The words alone, for meaning search: operators and quotes removed. */
  text: string;
  /** The positive terms (for tests and highlighting elsewhere). */
  terms: string[];
}

type Token =
  | { kind: 'term'; text: string; prefix: boolean; negated: boolean }
  | { kind: 'phrase'; words: string[]; negated: boolean }
  | { kind: 'near'; words: string[]; distance: number; negated: boolean }
  | { kind: 'or' };

const NEAR_DEFAULT = 10;
const NEAR_MAX = 100;

/** Words as FTS5's unicode61 tokenizer would split them (letters and digits; apostrophes join). */
function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];
}

const quote = (word: string) => `"${word.replaceAll('"', '""')}"`;

/** NEAR(a b c, 5) at `start` (the text after "NEAR("), or undefined when malformed. */
function readNear(input: string, start: number) {
  const close = input.indexOf(')', start);
  if (close < 0) return undefined;
  const inner = input.slice(start, close);
  const distance = /,\s*(\d+)\s*$/.exec(inner);
  const body = distance ? inner.slice(0, distance.index) : inner;
  const found = words(body.replaceAll('"', ' '));
  if (found.length < 2) return undefined;
  const n = distance ? Math.min(Number(distance[1]), NEAR_MAX) : NEAR_DEFAULT;
  return { words: found, distance: n, end: close + 1 };
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  // An odd number of quotes cannot be read as phrases: all quotes become spaces.
  const text = (input.match(/"/g)?.length ?? 0) % 2 === 0 ? input : input.replaceAll('"', ' ');
  let i = 0;
  let negateNext = false;
  while (i < text.length) {
    const rest = text.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const negated = negateNext || rest.startsWith('-');
    const offset = rest.startsWith('-') ? 1 : 0;
    negateNext = false;
    const body = rest.slice(offset);
    if (body.startsWith('"')) {
      const close = body.indexOf('"', 1);
      const phrase = words(body.slice(1, close));
      if (phrase.length > 0) tokens.push({ kind: 'phrase', words: phrase, negated });
      i += offset + close + 1;
      continue;
    }
    const near = /^NEAR\s*\(/.exec(body);
    if (near) {
      const read = readNear(text, i + offset + near[0].length);
      if (read) tokens.push({ kind: 'near', words: read.words, distance: read.distance, negated });
      // A NEAR( never closed is stray syntax: its words are read as plain words.
      i = read ? read.end : i + offset + near[0].length;
      continue;
    }
    const chunk = /^[^\s"]+/.exec(body)?.[0] ?? body.slice(0, 1);
    i += offset + chunk.length;
    if (chunk === 'OR' && offset === 0) tokens.push({ kind: 'or' });
    else if (chunk === 'NOT' && offset === 0) negateNext = true;
    else if (chunk !== 'AND' || offset > 0) tokens.push(...chunkTokens(chunk, negated));
  }
  return tokens;
}

/** One run of non-space text: a word, word*, or joined words ("mother-in-law" is a phrase). */
function chunkTokens(chunk: string, negated: boolean): Token[] {
  const found = words(chunk);
  if (found.length === 1 && found[0])
    return [{ kind: 'term', text: found[0], prefix: chunk.endsWith('*'), negated }];
  // Brackets are stray syntax (a broken NEAR): their words are read one by one.
  if (/[()]/.test(chunk))
    return found.map((text) => ({ kind: 'term', text, prefix: false, negated }));
  return found.length > 1 ? [{ kind: 'phrase', words: found, negated }] : [];
}

function render(token: Exclude<Token, { kind: 'or' }>): string {
  if (token.kind === 'term') return quote(token.text) + (token.prefix ? '*' : '');
  if (token.kind === 'phrase') return quote(token.words.join(' '));
  return `NEAR(${token.words.map(quote).join(' ')}, ${token.distance})`;
}

const tokenWords = (token: Exclude<Token, { kind: 'or' }>) =>
  token.kind === 'term' ? [token.text] : token.words;

export function parseQuery(input: string): ParsedQuery {
  const tokens = tokenize(input);
  // Positive terms joined by OR form one group; groups are ANDed; negations cut from the whole.
  const groups: string[][] = [];
  const negatives: string[] = [];
  const terms: string[] = [];
  let joinNext = false;
  for (const token of tokens) {
    if (token.kind === 'or') {
      joinNext = groups.length > 0;
      continue;
    }
    if (token.negated) {
      negatives.push(render(token));
      joinNext = false;
      continue;
    }
    terms.push(...tokenWords(token));
    const last = groups.at(-1);
    if (joinNext && last) last.push(render(token));
    else groups.push([render(token)]);
    joinNext = false;
  }
  const text = terms.join(' ');
  if (groups.length === 0) return { match: null, text, terms };
  const positive = groups.map((g) => (g.length > 1 ? `(${g.join(' OR ')})` : g[0])).join(' AND ');
  const match = negatives.reduce((expr, n) => `${expr} NOT ${n}`, `(${positive})`);
  return { match, text, terms };
}
