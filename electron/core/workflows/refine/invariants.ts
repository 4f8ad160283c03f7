import type { NoteContent, NoteItem, NoteSection } from '../../../../shared/api/note-schemas';
import { verifyItem } from '../../notes/evidence/verify-citations';
import { withRiskKept } from './risk-statements';

/**
 * What holds after any proposal, the model's or the rules': only the sections asked about
 * change; a statement kept word for word keeps its citations and check exactly; a new or changed
 * statement is checked against the transcript and, if its citation does not hold, marked
 * unverified; no risk statement disappears. Returns what was done about it, in words.
 */

export const UNVERIFIED = 'unverified: ';

const sameStatement = (a: NoteItem, b: NoteItem) => a.text.trim() === b.text.trim();

function checked(
  item: NoteItem,
  before: NoteSection | undefined,
  segments: ReadonlyMap<string, string>,
): NoteItem {
  const unchanged = before?.items.find((b) => sameStatement(b, item));
  if (unchanged) return unchanged;
  const verified = verifyItem(item, segments);
  if (verified.supported) return { ...item, supported: true, problems: [] };
  return {
    ...item,
    supported: false,
    problems: verified.problems.map((p) => (p.startsWith(UNVERIFIED) ? p : `${UNVERIFIED}${p}`)),
  };
}

export function enforceInvariants(
  base: NoteContent,
  proposed: NoteContent,
  targets: readonly string[],
  segments: ReadonlyMap<string, string>,
): { content: NoteContent; notes: string[] } {
  const sections = base.sections.map((section) => {
    if (!targets.includes(section.key)) return section;
    const offered = proposed.sections.find((s) => s.key === section.key);
    if (!offered) return section;
    return { ...section, items: offered.items.map((item) => checked(item, section, segments)) };
  });
  const { content, restored } = withRiskKept(base, { ...base, sections });
  const notes: string[] = [];
  if (restored > 0)
    notes.push(
      `${restored === 1 ? 'A risk statement was' : `${restored} risk statements were`} kept: refinement never removes what bears on risk.`,
    );
  const unverified = content.sections
    .filter((s) => targets.includes(s.key))
    .flatMap((s) => s.items)
    .filter((item) => item.problems.some((p) => p.startsWith(UNVERIFIED))).length;
  if (unverified > 0)
    notes.push(
      `${unverified === 1 ? 'One statement' : `${unverified} statements`} could not be checked against the transcript and ${unverified === 1 ? 'is' : 'are'} marked unverified.`,
    );
  return { content, notes };
}
