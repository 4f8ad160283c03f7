import type { Framework } from './library';
import { loadFrameworks } from './library';

/**
 * Which frameworks a session used, from the words in its transcript or note: a cue ("thought
 * record", "four horsemen") found in the text counts as a hit for its framework, and for its
 * technique when the cue belongs to one. Only whole words count, in any case.
 */

/** One occurrence of a cue in the text. */
export interface CueHit {
  /** The cue as the library writes it. */
  cue: string;
  /** The technique the cue belongs to; null for a cue of the framework as a whole. */
  techniqueId: string | null;
  /** Character offsets in the text: text.slice(start, end) is what was found. */
  start: number;
  end: number;
  /** The text as found (case, spelling and plural as written there). */
  found: string;
}

export interface TechniqueMatch {
  id: string;
  name: string;
  hits: number;
}

export interface FrameworkMatch {
  id: string;
  name: string;
  shortName: string;
  /** Every cue occurrence, technique cues included. */
  hits: number;
  /** The distinct cues found, in the library's words. */
  cues: string[];
  /** Techniques with at least one hit, most hits first. */
  techniques: TechniqueMatch[];
  /** In text order. */
  cueHits: CueHit[];
}

interface CompiledFramework {
  /** One alternation of every cue, one capturing group per cue, in `cues` order. */
  pattern: RegExp;
  cues: { cue: string; techniqueId: string | null }[];
}

/** Compiled once per framework object; the library is loaded once, so this is once per run. */
const compiled = new WeakMap<Framework, CompiledFramework>();

/**
 * Frameworks whose cues occur in the text, most hits first (then most distinct cues, then id).
 * Frameworks without a hit are left out.
 */
export function matchFrameworks(
  text: string,
  frameworks: readonly Framework[] = loadFrameworks(),
): FrameworkMatch[] {
  const matches: FrameworkMatch[] = [];
  for (const framework of frameworks) {
    const match = matchOne(text, framework);
    if (match) matches.push(match);
  }
  return matches.sort(
    (a, b) => b.hits - a.hits || b.cues.length - a.cues.length || a.id.localeCompare(b.id),
  );
}

function matchOne(text: string, framework: Framework): FrameworkMatch | null {
  const { pattern, cues } = compile(framework);
  const cueHits: CueHit[] = [];
  for (const found of text.matchAll(pattern)) {
    // The group that took part tells which cue this is; the others are undefined.
    let group = 1;
    while (group < found.length && found[group] === undefined) group += 1;
    const cue = cues[group - 1];
    if (!cue) continue;
    cueHits.push({
      cue: cue.cue,
      techniqueId: cue.techniqueId,
      start: found.index,
      end: found.index + found[0].length,
      found: found[0],
    });
  }
  if (cueHits.length === 0) return null;
  const techniques = framework.techniques
    .map((technique) => ({
      id: technique.id,
      name: technique.name,
      hits: cueHits.filter((hit) => hit.techniqueId === technique.id).length,
    }))
    .filter((technique) => technique.hits > 0)
    .sort((a, b) => b.hits - a.hits);
  return {
    id: framework.id,
    name: framework.name,
    shortName: framework.shortName,
    hits: cueHits.length,
    cues: [...new Set(cueHits.map((hit) => hit.cue))],
    techniques,
    cueHits,
  };
}

function compile(framework: Framework): CompiledFramework {
  const existing = compiled.get(framework);
  if (existing) return existing;
  const cues = [
    ...framework.cues.map((cue) => ({ cue, techniqueId: null })),
    ...framework.techniques.flatMap((technique) =>
      technique.cues.map((cue) => ({ cue, techniqueId: technique.id })),
    ),
  ]
    // Longest first: at one position the alternation takes the first that fits, so "exposure
    // hierarchy" must be tried before "exposure".
    .sort((a, b) => b.cue.length - a.cue.length);
  const alternation = cues.map(({ cue }) => `(${cuePattern(cue)})`).join('|');
  // Letters and digits on either side mean the cue is part of a longer word ("act" in "fact").
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation})(?![\\p{L}\\p{N}])`, 'giu');
  const result = { pattern, cues };
  compiled.set(framework, result);
  return result;
}

/**
 * A cue as a pattern that also finds its ordinary variants: the library is written in British
 * spelling, while Whisper and many clinicians write American ("behavioral", "catastrophizing");
 * phrases may be hyphenated or not ("all or nothing thinking"); the last word may be plural
 * ("thought records", "exposure hierarchies"). Cues are letters, digits, spaces, hyphens and
 * apostrophes only (the schema's rule), so nothing else needs escaping.
 */
export function cuePattern(cue: string): string {
  const parts = cue.split(/([ -]+)/);
  const last = parts.length - 1;
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return part.includes(' ') ? SPACE : HYPHEN;
      const word = spellingVariants(part).replaceAll("'", "['\u2019]?");
      return i === last ? plural(word) : word;
    })
    .join('');
}

/** Between words written with a space: any run of spaces or hyphens (or dashes). */
const SPACE = '[\\s\\u2010-\\u2015-]+';
/** Between words written with a hyphen: the same, or nothing ("selfsoothe", "phq9"). */
const HYPHEN = '[\\s\\u2010-\\u2015-]*';

/** British and American spellings of the words the library uses. */
function spellingVariants(word: string): string {
  return (
    word
      .replace(/haviour/g, 'haviou?r')
      .replace(/judgement/g, 'judge?ment')
      .replace(/practis/g, 'practi[sc]')
      .replace(/centre/g, 'cent(?:re|er)')
      .replace(/counsell/g, 'counsell?')
      // -ise / -ize and their forms; three letters before, so "wise" or "rise" stay as they are.
      .replace(/([a-z]{3})is(e|es|ed|ing|ation|ations)$/, '$1i[sz]$2')
  );
}

/** The last word may be plural: "y" → "ies" after a consonant, else an optional s or es. */
function plural(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}(?:y|ies)`;
  if (/[a-z]$/.test(word)) return `${word}(?:e?s)?`;
  return word;
}
