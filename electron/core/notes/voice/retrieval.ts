import { wordsOf } from './words';

/**
 * The examples closest to what a section is about: TF-IDF vectors (words weighted by how rare
 * they are among the examples) compared by cosine. Small and exact; the candidates are one
 * template's section of one clinician's signed notes, a few hundred at most.
 */
export interface Retrievable {
  /** The text compared with the query: the example's AI draft. */
  aiText: string;
  createdAt: number;
}

type Vector = Map<string, number>;

function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of wordsOf(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

function weighted(counts: Map<string, number>, idf: (word: string) => number): Vector {
  const vector: Vector = new Map();
  for (const [word, count] of counts) vector.set(word, (1 + Math.log(count)) * idf(word));
  return vector;
}

function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  for (const [word, weight] of a) dot += weight * (b.get(word) ?? 0);
  const norm = (v: Vector) => Math.sqrt([...v.values()].reduce((s, w) => s + w * w, 0));
  const both = norm(a) * norm(b);
  return both === 0 ? 0 : dot / both;
}

/** The k examples most like the query, most similar first; the newer of two equals first. */
export function closestExamples<T extends Retrievable>(
  examples: readonly T[],
  query: string,
  k: number,
): T[] {
  if (k <= 0 || examples.length === 0) return [];
  const counts = examples.map((e) => termCounts(e.aiText));
  const documents = new Map<string, number>();
  for (const c of counts)
    for (const word of c.keys()) documents.set(word, (documents.get(word) ?? 0) + 1);
  // Smoothed: a word every example has still weighs a little; one none has weighs most.
  const idf = (word: string) =>
    Math.log((examples.length + 1) / ((documents.get(word) ?? 0) + 1)) + 1;
  const target = weighted(termCounts(query), idf);
  return examples
    .map((example, i) => ({
      example,
      score: cosine(weighted(counts[i] ?? new Map<string, number>(), idf), target),
    }))
    .sort((a, b) => b.score - a.score || b.example.createdAt - a.example.createdAt)
    .slice(0, k)
    .map((scored) => scored.example);
}
