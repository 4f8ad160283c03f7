/**
 * Speech recognition mishears the very words risk rests on ("birding yourself" for "hurting
 * yourself", "kill my elf", "sue aside"). Before the rules read a transcript, a word that is a near
 * miss of a self-harm verb, in the one frame where that verb matters (before a reflexive pronoun),
 * is read as the verb; split or run-together spellings of a few key terms are read whole. The
 * result maps every offset back to the original text, so a flag still quotes what was transcribed.
 */

/** Self-directed harm verbs, in the forms a reflexive follows. */
const REFLEXIVE_VERBS = [
  'hurt',
  'hurting',
  'hurts',
  'kill',
  'killing',
  'killed',
  'kills',
  'cut',
  'cutting',
  'cuts',
  'harm',
  'harming',
  'harmed',
  'hang',
  'hanging',
  'hanged',
  'burn',
  'burning',
  'burned',
  'shoot',
  'shooting',
  'shot',
  'drown',
  'drowning',
  'stab',
  'stabbing',
  'starve',
  'starving',
  'poison',
  'poisoning',
  'off',
  'offing',
];

/**
 * Real verbs that take a reflexive and sit a letter or two from a harm verb ("putting myself out
 * there", "kidding myself"): never read as a mishearing.
 */
const BENIGN_REFLEXIVE = new Set(
  (
    'putting put puts getting get gets got setting set sets letting let lets kidding kid fooling ' +
    'treating treat telling tell reminding pushing push blaming blame forcing force finding find ' +
    'feeding hating hate loving love calling call carrying catching checking convincing enjoying ' +
    'excusing helping help keeping keep making make teaching taking take talking training trying ' +
    'washing writing buying preparing introducing expressing explaining distracting describing ' +
    'dressing defending criticising criticizing comparing asking allowing giving seeing imagining ' +
    'picturing pacing bracing hugging pinching pulling challenging motivating rewarding busying ' +
    'doubting questioning repeating surprising embarrassing exposing humiliating calming soothing ' +
    'grounding beating beat sitting hiding hide heading hearing holding hold hugging hurrying ' +
    'shutting sitting cutting hurting killing harming burning hanging shooting drowning stabbing ' +
    'starving poisoning cooking booking looking cheering filling willing billing selling spilling ' +
    'shopping stopping dropping chilling thrilling pulling'
  ).split(' '),
);

const REFLEXIVE = /^(?:my ?self|your ?self|him ?self|her ?self|them ?selves|one ?self|my ?elf)$/i;

/** Spellings that split or run together a key term, and the term. */
const RESPELLINGS: readonly [RegExp, string][] = [
  [/\bsue ?(?:a ?)?side(s|d)?\b/gi, 'suicide$1'],
  [/\bsue ?(?:a ?)?side ?al\b/gi, 'suicidal'],
  [/\bself[ -]?arm(ing)?\b/gi, 'self-harm$1'],
  [/\bover[ -]dos(e|ed|ing)\b/gi, 'overdos$1'],
  [/\bmy ?elf\b/gi, 'myself'],
  [/\bun[ -]alive\b/gi, 'unalive'],
];

export interface NormalizedText {
  text: string;
  /** The original offset of a normalised one; inside a replaced word, a start maps to the word's
   * start and an end to its end. */
  toOriginal: (offset: number, side: 'start' | 'end') => number;
}

/** Damerau–Levenshtein distance, bounded: stops early past `limit`. */
export function editDistance(a: string, b: string, limit = 3): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i] as number[];
      const above = d[i - 1] as number[];
      let best = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, ((d[i - 2] as number[])[j - 2] ?? 0) + 1);
      }
      row[j] = best;
    }
  }
  return (d[a.length] as number[])[b.length] ?? limit + 1;
}

/**
 * The verb a near miss stands for: same first or last two letters (what a mishearing keeps), and
 * within one edit for short words, two for words of six letters or more.
 */
export function nearMissVerb(word: string): string | undefined {
  const lower = word.toLowerCase();
  if (lower.length < 3 || REFLEXIVE_VERBS.includes(lower) || BENIGN_REFLEXIVE.has(lower)) {
    return undefined;
  }
  let best: { verb: string; distance: number } | undefined;
  for (const verb of REFLEXIVE_VERBS) {
    if (verb.length < 4) continue;
    const limit = verb.length >= 6 ? 2 : 1;
    const anchored = lower.slice(-2) === verb.slice(-2) || lower.slice(0, 2) === verb.slice(0, 2);
    if (!anchored) continue;
    const distance = editDistance(lower, verb, limit);
    if (distance <= limit && (best === undefined || distance < best.distance)) {
      best = { verb, distance };
    }
  }
  return best?.verb;
}

interface Piece {
  from: number;
  to: number;
  replacement: string;
}

function respellings(text: string): Piece[] {
  const pieces: Piece[] = [];
  for (const [pattern, replacement] of RESPELLINGS) {
    for (const m of text.matchAll(pattern)) {
      pieces.push({
        from: m.index,
        to: m.index + m[0].length,
        replacement: m[0].replace(pattern, replacement),
      });
    }
  }
  return pieces;
}

function nearMisses(text: string): Piece[] {
  const pieces: Piece[] = [];
  const words = [...text.matchAll(/[A-Za-z]+/g)];
  words.forEach((m, i) => {
    const next = words[i + 1];
    const after = words[i + 2];
    if (next === undefined) return;
    const gap = text.slice(m.index + m[0].length, next.index);
    if (!/^\s+$/.test(gap)) return;
    const reflexive =
      REFLEXIVE.test(next[0]) ||
      (after !== undefined && /^(?:my|your)$/i.test(next[0]) && /^(?:self|elf)$/i.test(after[0]));
    if (!reflexive) return;
    const verb = nearMissVerb(m[0]);
    if (verb !== undefined)
      pieces.push({ from: m.index, to: m.index + m[0].length, replacement: verb });
  });
  return pieces;
}

export function normalizeAsrText(text: string): NormalizedText {
  const pieces = [...nearMisses(text), ...respellings(text)]
    .sort((a, b) => a.from - b.from || b.to - a.to)
    .filter((piece, i, all) => i === 0 || piece.from >= (all[i - 1]?.to ?? 0));
  if (pieces.length === 0) return { text, toOriginal: (offset) => offset };
  let out = '';
  let last = 0;
  // Pairs of (normalised offset, original offset) at each piece's edges.
  const anchors: [number, number][] = [[0, 0]];
  for (const piece of pieces) {
    out += text.slice(last, piece.from);
    anchors.push([out.length, piece.from]);
    out += piece.replacement;
    anchors.push([out.length, piece.to]);
    last = piece.to;
  }
  out += text.slice(last);
  const toOriginal = (offset: number, side: 'start' | 'end') => {
    let index = anchors.length - 1;
    while (index > 0 && (anchors[index]?.[0] ?? 0) > offset) index--;
    const [normal, original] = anchors[index] ?? [0, 0];
    // Odd anchors open a replaced word, even ones close it (or begin the text).
    if (index % 2 === 0 || offset === normal) return original + (offset - normal);
    return side === 'start' ? original : (anchors[index + 1]?.[1] ?? original);
  };
  return { text: out, toOriginal };
}
