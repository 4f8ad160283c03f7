import type { NoteContent, NoteItem } from '../../../../shared/api/note-schemas';
import { scanUtterance } from '../../notes/risk/scan-risk';

/**
 * What bears on risk in a note: every statement of a risk section, and any statement the risk
 * scanner flags. Refinement may reword them but never lose them.
 */

const isRiskSection = (key: string) => /risk|safety/i.test(key);

export function bearsOnRisk(sectionKey: string, item: Pick<NoteItem, 'text'>): boolean {
  return isRiskSection(sectionKey) || scanUtterance(item.text).length > 0;
}

/**
 * A base risk statement the proposal keeps: the same words, or a statement citing the same
 * segment that still says risk (reworded, not lost).
 */
function kept(sectionKey: string, risk: NoteItem, items: readonly NoteItem[]): boolean {
  return items.some(
    (item) =>
      item.text.trim() === risk.text.trim() ||
      (item.segmentIds.some((id) => risk.segmentIds.includes(id)) &&
        (isRiskSection(sectionKey) || scanUtterance(item.text).length > 0)),
  );
}

/** The proposal with every risk statement it would drop put back where it was; and how many. */
export function withRiskKept(
  base: NoteContent,
  proposed: NoteContent,
): { content: NoteContent; restored: number } {
  let restored = 0;
  const sections = proposed.sections.map((section) => {
    const before = base.sections.find((s) => s.key === section.key);
    if (!before) return section;
    const items = [...section.items];
    before.items.forEach((risk, index) => {
      if (!bearsOnRisk(section.key, risk) || kept(section.key, risk, section.items)) return;
      items.splice(Math.min(index, items.length), 0, risk);
      restored += 1;
    });
    return { ...section, items };
  });
  return { content: { ...proposed, sections }, restored };
}
