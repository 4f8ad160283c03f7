import type { BriefAbstract, BriefAnalysis } from '../../../../shared/api/brief-schemas';
import { findIdentifiers } from '../../sync/deidentify';
import { FRAMEWORKS, THEMES } from '../../sync/abstract/vocabulary';

const THEME_IDS = new Set(THEMES.map((t) => t.id));
const FRAMEWORK_IDS = new Set(FRAMEWORKS.map((f) => f.id));

/** Identifiers found where none may be: the abstract is refused, never passed on. */
export class AbstractLeakError extends Error {
  constructor(readonly found: number) {
    super(`The brief's abstract still held ${found} identifier(s); it was not kept.`);
  }
}

/**
 * Keeps only what the closed vocabulary names: theme and framework ids, and whether homework is
 * due. Nothing the clinician wrote passes (a statement is never copied, only matched), and the
 * labels kept are re-scanned with the de-identifier as a check that this still holds.
 */
export function abstractAnalysis(analysis: BriefAnalysis): BriefAbstract {
  const themes = analysis.themes.map((t) => t.id).filter((id) => THEME_IDS.has(id));
  const frameworks = analysis.frameworks.map((f) => f.id).filter((id) => FRAMEWORK_IDS.has(id));
  const kept = [...themes, ...frameworks].map((id) => id.replace(/_/g, ' '));
  const found = kept.reduce((n, text) => n + findIdentifiers(text).length, 0);
  if (found > 0) throw new AbstractLeakError(found);
  return {
    themes,
    frameworks,
    homeworkDue: analysis.homework.some((h) => h.status === 'due_now'),
    identifierCheck: { scanned: kept.length, found },
  };
}
