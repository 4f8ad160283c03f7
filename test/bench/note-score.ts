import type { NoteContent, NoteItem } from '../../shared/api/note-schemas';
import type { Fact } from '../fixtures/sessions/scenarios';

/**
 * How good a note is against the facts its session carries, and how honest its statements are:
 * - fact recall: a fact is carried when one statement (its text and fields) matches every one of
 *   the fact's patterns;
 * - verified: the statement cites at least one segment and its quote checks out there;
 * - cites nothing real: no segment at all, or a citation that does not check out;
 * - support: the share of the statement's content words found in the segments it cites, a
 *   rough measure of how much it adds that nobody said.
 */

export interface NoteScore {
  facts: number;
  carried: string[];
  missed: string[];
  statements: number;
  verified: number;
  citesNothingReal: number;
  /** Mean over statements of the share of content words found in the cited segments (0–1). */
  support: number;
}

const STOP = new Set(
  'a an and are as at be been but by client clinician did do does for from had has have he her him his i in is it its me my not of on or our reported reports said says she so that the their them they this to was we were what when which who will with you your session'.split(
    ' ',
  ),
);

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !STOP.has(w));

function statementText(item: NoteItem): string {
  return [item.text, ...Object.values(item.fields)].join(' ');
}

function supportOf(item: NoteItem, segmentText: ReadonlyMap<string, string>): number {
  const said = new Set(item.segmentIds.flatMap((id) => words(segmentText.get(id) ?? '')));
  const own = words(item.text);
  if (own.length === 0) return 1;
  return own.filter((w) => said.has(w)).length / own.length;
}

export function scoreNote(
  content: NoteContent,
  facts: readonly Fact[],
  segmentText: ReadonlyMap<string, string>,
): NoteScore {
  const items = content.sections.flatMap((section) => section.items);
  const carried = facts
    .filter((fact) =>
      items.some((item) => fact.patterns.every((pattern) => pattern.test(statementText(item)))),
    )
    .map((fact) => fact.id);
  const real = (item: NoteItem) =>
    item.segmentIds.length > 0 &&
    item.supported &&
    item.segmentIds.every((id) => segmentText.has(id));
  const verified = items.filter(real).length;
  return {
    facts: facts.length,
    carried,
    missed: facts.map((f) => f.id).filter((id) => !carried.includes(id)),
    statements: items.length,
    verified,
    citesNothingReal: items.length - verified,
    support:
      items.length === 0
        ? 0
        : items.reduce((total, item) => total + supportOf(item, segmentText), 0) / items.length,
  };
}

/** Scores summed over several notes: recall and shares over all their facts and statements. */
export function totals(scores: readonly NoteScore[]) {
  const sum = (of: (s: NoteScore) => number) => scores.reduce((t, s) => t + of(s), 0);
  const facts = sum((s) => s.facts);
  const statements = sum((s) => s.statements);
  return {
    factRecall: facts === 0 ? 0 : sum((s) => s.carried.length) / facts,
    statements,
    verifiedShare: statements === 0 ? 0 : sum((s) => s.verified) / statements,
    citesNothingReal: sum((s) => s.citesNothingReal),
    support: statements === 0 ? 0 : sum((s) => s.support * s.statements) / statements,
  };
}
