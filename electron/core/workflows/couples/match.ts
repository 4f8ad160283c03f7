import type { CouplesMatch, PartnerAbstract } from '../../../../shared/api/couples-schemas';
import { FRAMEWORKS, THEMES } from '../../sync/abstract/vocabulary';

/**
 * Themes both partners may have but that stay in individual work: a joint session is not where
 * one partner learns of the other's risk, trauma or substance use. Bringing them in is the
 * clinician's decision with each partner, never a summary's.
 */
export const INDIVIDUAL_ONLY_THEMES: ReadonlySet<string> = new Set([
  'suicidal_ideation',
  'self_harm',
  'trauma',
  'substance_use',
  'eating',
]);
/** Methods that would name such a theme by being listed (a safety plan, trauma processing). */
export const INDIVIDUAL_ONLY_FRAMEWORKS: ReadonlySet<string> = new Set(['safety_planning', 'emdr']);

const THEME_ORDER = new Map(THEMES.map((t, i) => [t.id, i]));
const FRAMEWORK_ORDER = new Map(FRAMEWORKS.map((f, i) => [f.id, i]));

function both(a: readonly string[], b: readonly string[], order: Map<string, number>): string[] {
  const other = new Set(b);
  // In the vocabulary's order, not either partner's: the order must not tell whose list led.
  return [...new Set(a)]
    .filter((id) => other.has(id) && order.has(id))
    .sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0));
}

/**
 * What the two abstracts share. Only what both partners' individual work raised passes: a theme
 * or method only one partner has would tell the other about that partner's own sessions.
 */
export function matchPartners(a: PartnerAbstract, b: PartnerAbstract): CouplesMatch {
  const themes = both(a.themes, b.themes, THEME_ORDER);
  const frameworks = both(a.frameworks, b.frameworks, FRAMEWORK_ORDER);
  return {
    sharedThemes: themes.filter((id) => !INDIVIDUAL_ONLY_THEMES.has(id)),
    sharedFrameworks: frameworks.filter((id) => !INDIVIDUAL_ONLY_FRAMEWORKS.has(id)),
    heldBack:
      themes.filter((id) => INDIVIDUAL_ONLY_THEMES.has(id)).length +
      frameworks.filter((id) => INDIVIDUAL_ONLY_FRAMEWORKS.has(id)).length,
  };
}
