/**
 * Syllables in an English word, by rule: count the vowel groups, then correct for silent endings
 * and for vowel pairs spoken as two. No dictionary ships with Cairn and readability formulas are
 * estimates themselves, so a rule that is right for most everyday words is enough; the words it
 * misses are counted one off, which moves a passage's grade little.
 */

/** Words the rules get wrong that a client guide is likely to use. */
const EXCEPTIONS: Record<string, number> = {
  business: 2,
  every: 2,
  everyone: 3,
  everything: 3,
  evening: 2,
  different: 3,
  family: 3,
  people: 2,
  recipe: 3,
  maybe: 2,
  someone: 2,
  something: 2,
  sometimes: 2,
  somewhere: 2,
  whatever: 3,
  ago: 2,
  area: 3,
  idea: 3,
  lion: 2,
  poem: 2,
  quiet: 2,
  create: 2,
  created: 3,
  creating: 3,
  creative: 3,
  react: 2,
  reaction: 3,
  real: 1,
  really: 2,
  therapy: 3,
  friend: 1,
  friends: 1,
  rhythm: 2,
  anyone: 3,
  beyond: 2,
  everyday: 3,
  element: 3,
  elements: 3,
  suicide: 3,
  suicidal: 4,
  everybody: 4,
};

/**
 * Vowel pairs that are two syllables in these contexts (one vowel group by the count):
 * "tri-vi-al", "ra-di-o", "ac-tu-al", "anx-i-e-ty", "cli-ent", "vi-de-o", "be-ing".
 */
const SPLIT_VOWELS: RegExp[] = [
  /[^ct]ia(?!n)/, // trivial, media (not special, initial, or "-ian": Aus-tra-lian)
  /(?<!av)io(?![nu])/, // radio, period (not -tion, -ious, behaviour, behavior)
  /[^ctgx]ious/, // curious, serious, obvious (not precious, anxious)
  /[^gq]ua/, // actual, usual (not language, quality)
  /iet/, // anxiety, quiet, society
  /[^ct]ien|scien/, // client, audience, science (not patient, ancient)
  /[^aeiou]i(?:er|est)$/, // easier, happiest
  /[^p]eo(?!u)/, // video, theory (not people, courageous)
  /[aeiouy]ing$/, // being, doing, playing
  /[aeiouy]ings$/,
  /[^aeiou]ism$/, // mechanism, criticism
];

/** Words shorter than this are one syllable ("the", "be", "you", "eye"). */
const SHORT_WORD = 4;

export function countSyllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length === 0) return 0;
  // An exception's plural has as many syllables ("ideas", "areas").
  const known = EXCEPTIONS[w] ?? (w.endsWith('s') ? EXCEPTIONS[w.slice(0, -1)] : undefined);
  if (known !== undefined) return known;
  if (w.length < SHORT_WORD) return 1;

  let count = vowelGroups(withoutSilentEnding(w));
  for (const pattern of SPLIT_VOWELS) if (pattern.test(w)) count += 1;
  // A silent e before a suffix or in a compound: "lone-ly", "safe-ty", "home-work", "some-body".
  if (/[aeiou][^aeiou]e(?:ly|ty|ful|less|ness|ment|work|time|line|place|style|wide|body)/.test(w))
    count -= 1;
  return Math.max(1, count);
}

/**
 * Removes endings that add no syllable: a final e ("make"), -es after most consonants ("likes"),
 * -ed after most consonants ("liked", "tried"). A consonant + "le" keeps its e ("ta-ble",
 * "han-dled"), as do -es after a hiss ("box-es", "chang-es") and -ed after t or d ("want-ed").
 */
function withoutSilentEnding(w: string): string {
  if (/[^aeiouy]le[sd]?$/.test(w)) return w.replace(/[sd]$/, '');
  if (/(?:[sxzgc]|ch|sh)es$/.test(w)) return w;
  if (w.endsWith('es')) return w.slice(0, -2);
  // "want-ed", "hun-dred": the e is spoken.
  if (/(?:[td]|[^aeiou]r)ed$/.test(w)) return w;
  if (w.endsWith('ed')) return w.slice(0, -2);
  if (/[^e]e$/.test(w)) return w.slice(0, -1);
  return w;
}

/** Runs of vowels; a leading y is a consonant ("yes", "you"). */
function vowelGroups(w: string): number {
  return (w.replace(/^y/, '').match(/[aeiouy]+/g) ?? []).length;
}
