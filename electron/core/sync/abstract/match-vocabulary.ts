import { FRAMEWORKS, THEMES, type VocabularyTerm } from './vocabulary';

export interface MatchedTerm {
  id: string;
  label: string;
}

export interface VocabularyMatches {
  frameworks: MatchedTerm[];
  themes: MatchedTerm[];
  /** "cognitive restructuring for work-related anxiety": a framework and a theme in one sentence. */
  focus: string[];
}

/**
 * A note records what was ruled out as carefully as what was found ("denies suicidal ideation",
 * "no panic attacks"): a term right after a negation is not a theme of the session.
 */
const NEGATION_BEFORE =
  /\b(?:no|not|denies|denied|denying|without|never|nor|negative for)\s+(?:\S+\s+){0,2}$/i;

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?;])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function affirmed(sentence: string, pattern: RegExp): boolean {
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  for (const match of sentence.matchAll(new RegExp(pattern.source, flags)))
    if (!NEGATION_BEFORE.test(sentence.slice(0, match.index))) return true;
  return false;
}

function termIn(sentence: string, term: VocabularyTerm): boolean {
  if (term.requiresAll)
    return term.requiresAll.every((group) => group.some((p) => affirmed(sentence, p)));
  return term.patterns.some((p) => affirmed(sentence, p));
}

/** Terms found in one sentence; a compound theme hides the parts it is made of. */
function themesIn(sentence: string): VocabularyTerm[] {
  const found = THEMES.filter((term) => termIn(sentence, term));
  const compound = found.filter((t) => t.requiresAll !== undefined);
  return found.filter(
    (t) =>
      t.requiresAll !== undefined ||
      !compound.some((c) =>
        c.requiresAll?.some((group) => group.every((p) => t.patterns.includes(p))),
      ),
  );
}

/** The approved note's themes and frameworks, as vocabulary ids and labels only. */
export function matchVocabulary(texts: readonly string[]): VocabularyMatches {
  const frameworks = new Map<string, MatchedTerm>();
  const themes = new Map<string, MatchedTerm>();
  const focus = new Set<string>();
  for (const sentence of texts.flatMap(sentencesOf)) {
    const f = FRAMEWORKS.filter((term) => termIn(sentence, term));
    const t = themesIn(sentence);
    for (const term of f) frameworks.set(term.id, { id: term.id, label: term.label });
    for (const term of t) themes.set(term.id, { id: term.id, label: term.label });
    for (const framework of f)
      for (const theme of t) focus.add(`${framework.label} for ${theme.label}`);
  }
  return { frameworks: [...frameworks.values()], themes: [...themes.values()], focus: [...focus] };
}
