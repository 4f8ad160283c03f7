import type {
  CouplesMatch,
  JointSummary,
  SuggestedFramework,
} from '../../../../shared/api/couples-schemas';
import type { Framework } from '../../frameworks/library';
import { FRAMEWORKS, THEMES } from '../../sync/abstract/vocabulary';

/**
 * Cairn's own sentences for the joint summary. Every string the summary holds is one of these, a
 * vocabulary label, or the framework library's text: the isolation check allows nothing else.
 */
export const COUPLES_PHRASES = {
  title: 'Joint work summary',
  modeLabel: "Cairn's rules, no model",
  madeFrom:
    "Made from both partners' themes and methods only, never from what either said in an individual session.",
  oneSided: "A topic only one partner raised stays in that partner's individual work.",
  noShared: "No topic has come up in both partners' individual work yet.",
  alreadyUsed: 'Already part of both partners’ individual work.',
  forConflict: 'Offered for conflict and for how the partners talk about hard things.',
  forCloseness: 'Offered for distance and the cycle between the partners.',
  general: 'A couples method from the library, offered for the joint work.',
} as const;

/** Vocabulary methods that are library frameworks by another id. */
const LIBRARY_ID: Record<string, string> = { gottman: 'gottman', emotionally_focused: 'eft' };
/** Shared topics that point to each couples framework. */
const FOR_CONFLICT = new Set(['relationship', 'anger', 'family', 'parenting', 'stress']);
const FOR_CLOSENESS = new Set(['loneliness', 'low_mood', 'anxiety', 'grief', 'self_esteem']);

const label = (terms: typeof THEMES, id: string) => terms.find((t) => t.id === id)?.label ?? '';

function reasonFor(framework: Framework, match: CouplesMatch): { why: string; rank: number } {
  if (match.sharedFrameworks.some((id) => LIBRARY_ID[id] === framework.id))
    return { why: COUPLES_PHRASES.alreadyUsed, rank: 0 };
  const topics = new Set(match.sharedThemes);
  if (framework.id === 'gottman' && [...FOR_CONFLICT].some((t) => topics.has(t)))
    return { why: COUPLES_PHRASES.forConflict, rank: 1 };
  if (framework.id === 'eft' && [...FOR_CLOSENESS].some((t) => topics.has(t)))
    return { why: COUPLES_PHRASES.forCloseness, rank: 1 };
  return { why: COUPLES_PHRASES.general, rank: 2 };
}

function suggested(framework: Framework, why: string): SuggestedFramework {
  return {
    id: framework.id,
    name: framework.name,
    shortName: framework.shortName,
    description: framework.description,
    why,
    techniques: framework.techniques
      .slice(0, 4)
      .map((t) => ({ name: t.name, description: t.description })),
    homework: framework.typicalHomework.slice(0, 2).map((h) => h.text),
  };
}

/**
 * The joint-work summary by rules: shared topics and methods as vocabulary labels, and the
 * library's couples frameworks (those used with both partners first, then those the shared
 * topics point to) with their techniques and typical homework.
 */
export function buildJointSummary(
  match: CouplesMatch,
  library: readonly Framework[],
): JointSummary {
  const frameworks = library
    .filter((f) => f.forCouples)
    .map((f) => ({ framework: f, ...reasonFor(f, match) }))
    .sort((x, y) => x.rank - y.rank || x.framework.id.localeCompare(y.framework.id))
    .map(({ framework, why }) => suggested(framework, why));
  return {
    title: COUPLES_PHRASES.title,
    mode: 'rules',
    modeLabel: COUPLES_PHRASES.modeLabel,
    sharedTopics: match.sharedThemes.map((id) => ({ id, label: label(THEMES, id) })),
    sharedMethods: match.sharedFrameworks.map((id) => ({ id, label: label(FRAMEWORKS, id) })),
    frameworks,
    notes: [
      COUPLES_PHRASES.madeFrom,
      match.sharedThemes.length > 0 ? COUPLES_PHRASES.oneSided : COUPLES_PHRASES.noShared,
    ],
  };
}
