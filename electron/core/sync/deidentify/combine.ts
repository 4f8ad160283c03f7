import { specificityRank, type Finding } from './categories';
import { finding } from './text-spans';

/**
 * How much a detector's word counts when two of them claim the same characters: the session's own
 * dictionary over a pattern with explicit context ("Dr.", "member ID"), over the NLP model or a
 * locative word, over the last-resort "capitalised word" guess.
 */
export const EVIDENCE = { dictionary: 3, pattern: 2, model: 1, guess: 0 } as const;

export interface Candidate extends Finding {
  evidence: number;
}

const length = (span: Finding) => span.end - span.start;

/** Which of two candidates names a cluster: the wider, then the better evidenced, then the more specific. */
function better(a: Candidate, b: Candidate): Candidate {
  if (length(a) !== length(b)) return length(a) > length(b) ? a : b;
  if (a.evidence !== b.evidence) return a.evidence > b.evidence ? a : b;
  return specificityRank(a.category) <= specificityRank(b.category) ? a : b;
}

/**
 * Merges overlapping candidates into disjoint findings. Overlapping spans become one span covering
 * all of them (nothing a detector flagged is let through), named by the widest candidate; exact
 * ties go to the better evidence, then to the more specific category. Then a first and last name
 * found by different detectors ("Maria" from the dictionary, "Lopez" from the model) are joined,
 * as are two halves of one place.
 */
export function combineFindings(text: string, candidates: readonly Candidate[]): Finding[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number; winner: Candidate }[] = [];
  for (const candidate of sorted) {
    const last = merged.at(-1);
    if (last && candidate.start < last.end) {
      last.end = Math.max(last.end, candidate.end);
      last.winner = better(last.winner, candidate);
    } else {
      merged.push({ start: candidate.start, end: candidate.end, winner: candidate });
    }
  }
  const joined: Finding[] = [];
  for (const span of merged) {
    const previous = joined.at(-1);
    const category = span.winner.category;
    const joinable = category === 'NAME' || category === 'LOCATION';
    if (
      previous &&
      joinable &&
      previous.category === category &&
      /^ $/.test(text.slice(previous.end, span.start))
    ) {
      joined[joined.length - 1] = finding(text, category, previous.start, span.end);
    } else {
      joined.push(finding(text, category, span.start, span.end));
    }
  }
  return joined;
}
