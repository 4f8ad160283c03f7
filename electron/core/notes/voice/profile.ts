import { changedHunks, STATEMENT_BREAK, type Hunk } from './align-words';
import { wordsOf } from './words';

/**
 * A clinician's style, read from their examples (AI draft → what they signed) of one template:
 * cheap and deterministic, so it is computed when needed, never stored. Shown in words in
 * Settings, given to the model in the section's ask, and its sure replacements applied to new
 * drafts (a small model copies a style poorly; a word the clinician always changes is certain).
 */
export interface VoicePair {
  aiText: string;
  finalText: string;
}

export interface Replacement {
  /** Lower-case words the draft had… */
  from: string;
  /** …and what the clinician wrote instead (lower case; the draft's capitalisation is kept). */
  to: string;
  /** In how many examples the clinician made this change. */
  pairs: number;
}

export interface VoiceProfile {
  examples: number;
  /** Median words a statement: the clinician's final text, and the AI's drafts. */
  wordsPerStatement: { final: number; draft: number };
  /** How they refer to the client: first person ("I", "we"), third ("the client"), or unclear. */
  person: 'first' | 'third' | 'mixed' | null;
  /** Changes made in at least MIN_PAIRS examples, most frequent first. */
  replacements: Replacement[];
  /** Hedging words ("may", "possibly") the clinician takes out, in at least MIN_PAIRS examples. */
  dropsHedges: boolean;
}

/** A change counts as the clinician's habit when it is seen in this many examples. */
export const MIN_PAIRS = 2;
/** A replacement is a short phrase for a short phrase; longer hunks are rewrites, not terms. */
const MAX_PHRASE_WORDS = 3;
const HEDGES = new Set(['may', 'might', 'possibly', 'perhaps', 'seems', 'appears', 'likely']);
const FIRST = new Set(['i', 'we', 'me', 'us', 'my', 'our']);
const THIRD = new Set(['client', 'patient', 'he', 'she', 'they', 'his', 'her', 'their']);
const STOP = new Set(['the', 'a', 'an', 'and', 'of', 'to', 'in']);

const median = (values: readonly number[]): number => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
};

const statementLengths = (text: string) =>
  text
    .split('\n')
    .map((line) => wordsOf(line).length)
    .filter((n) => n > 0);

function personOf(texts: readonly string[]): VoiceProfile['person'] {
  let first = 0;
  let third = 0;
  for (const word of texts.flatMap(wordsOf)) {
    if (FIRST.has(word)) first += 1;
    if (THIRD.has(word)) third += 1;
  }
  if (first + third === 0) return null;
  if (third >= 3 * first) return 'third';
  if (first >= 3 * third) return 'first';
  return 'mixed';
}

/** A term worth learning: short on both sides, and not just "the"/"a" shuffled. */
function validTerm(removed: readonly string[], added: readonly string[]): boolean {
  if (removed.length === 0 || added.length === 0) return false;
  if (removed.includes(STATEMENT_BREAK) || added.includes(STATEMENT_BREAK)) return false;
  if (removed.length > MAX_PHRASE_WORDS || added.length > MAX_PHRASE_WORDS) return false;
  return !removed.every((w) => STOP.has(w)) && !added.every((w) => STOP.has(w));
}

/**
 * The terms a changed stretch may hold: the whole of it, and every way of cutting both sides in
 * two valid terms ("the patient feels" → "client reports feeling" may be "the patient" → "client"
 * and "feels" → "reports feeling"). A wrong cut is rarely repeated across examples; a habit is.
 */
function termsOf({ removed, added, next }: Hunk): { from: string; to: string }[] {
  const terms: { from: string; to: string }[] = [];
  // Words only taken out or only put in are learned with the word after them ("the client" →
  // "client", "may be" → "be"): a bare "the" → nothing would delete every "the".
  if ((removed.length === 0 || added.length === 0) && next !== undefined)
    return validTerm([...removed, next], [...added, next])
      ? [{ from: [...removed, next].join(' '), to: [...added, next].join(' ') }]
      : [];
  const push = (r: string[], a: string[]) => {
    if (validTerm(r, a)) terms.push({ from: r.join(' '), to: a.join(' ') });
  };
  push(removed, added);
  if (removed.length > MAX_PHRASE_WORDS * 2 || added.length > MAX_PHRASE_WORDS * 2) return terms;
  for (let i = 1; i < removed.length; i += 1)
    for (let j = 1; j < added.length; j += 1) {
      const [r1, r2, a1, a2] = [
        removed.slice(0, i),
        removed.slice(i),
        added.slice(0, j),
        added.slice(j),
      ];
      if (!validTerm(r1, a1) || !validTerm(r2, a2)) continue;
      push(r1, a1);
      push(r2, a2);
    }
  return terms;
}

export function voiceProfile(pairs: readonly VoicePair[]): VoiceProfile {
  const seen = new Map<string, Replacement>();
  let hedgeDrops = 0;
  for (const pair of pairs) {
    const terms = new Map<string, { from: string; to: string }>();
    let droppedHedge = false;
    for (const hunk of changedHunks(pair.aiText, pair.finalText)) {
      if (hunk.removed.some((w) => HEDGES.has(w)) && !hunk.added.some((w) => HEDGES.has(w)))
        droppedHedge = true;
      for (const term of termsOf(hunk)) terms.set(`${term.from}→${term.to}`, term);
    }
    if (droppedHedge) hedgeDrops += 1;
    // An example counts once per change, however often it made it.
    for (const [key, term] of terms) {
      const entry = seen.get(key) ?? { ...term, pairs: 0 };
      entry.pairs += 1;
      seen.set(key, entry);
    }
  }
  const replacements = [...seen.values()]
    .filter((r) => r.pairs >= MIN_PAIRS)
    .sort((a, b) => b.pairs - a.pairs || a.from.localeCompare(b.from));
  return {
    examples: pairs.length,
    wordsPerStatement: {
      final: median(pairs.flatMap((p) => statementLengths(p.finalText))),
      draft: median(pairs.flatMap((p) => statementLengths(p.aiText))),
    },
    person: personOf(pairs.map((p) => p.finalText)),
    replacements: withoutConflicts(replacements),
    dropsHedges: hedgeDrops >= MIN_PAIRS,
  };
}

/** One rewrite per draft phrase: when the clinician changed a phrase two ways, the commoner wins. */
function withoutConflicts(replacements: readonly Replacement[]): Replacement[] {
  const taken = new Set<string>();
  return replacements.filter((r) => {
    if (taken.has(r.from)) return false;
    taken.add(r.from);
    return true;
  });
}

/** The profile as the clinician reads it in Settings and the model reads it in the ask. */
export function profileInWords(profile: VoiceProfile): string {
  if (profile.examples === 0) return 'Nothing learned yet: sign a note you edited first.';
  const parts = [`about ${profile.wordsPerStatement.final} words a statement`];
  if (profile.person === 'third') parts.push('third person ("the client")');
  if (profile.person === 'first') parts.push('first person ("I", "we")');
  const terms = profile.replacements.slice(0, 5).map((r) => `"${r.to}" for "${r.from}"`);
  if (terms.length > 0) parts.push(`you write ${terms.join(', ')}`);
  if (profile.dropsHedges) parts.push('you take out hedges such as "may" and "possibly"');
  return `${parts.join(', ')}.`;
}

/** The profile as one line of a section's ask (the model is told about the clinician). */
export function profileForModel(profile: VoiceProfile): string {
  const parts = [`about ${profile.wordsPerStatement.final} words a statement`];
  if (profile.person === 'third') parts.push('in the third person ("Client reports …")');
  if (profile.person === 'first') parts.push('in the first person');
  for (const r of profile.replacements.slice(0, 5)) parts.push(`"${r.to}" not "${r.from}"`);
  if (profile.dropsHedges) parts.push('no hedges such as "may" or "possibly"');
  return `This clinician writes ${parts.join(', ')}.`;
}
