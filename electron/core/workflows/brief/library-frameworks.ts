import type { BriefCitation, BriefLibraryFramework } from '../../../../shared/api/brief-schemas';
import { loadFrameworks, type Framework } from '../../frameworks/library';
import { matchFrameworks } from '../../frameworks/match';

/** Suggestions stay few: a brief is read in the minutes before a session. */
const MAX_HOMEWORK = 2;

/**
 * The frameworks of Cairn's library the signed notes show in use, each with the techniques seen
 * (and the statements they were seen in), the library's typical homework for them and the
 * measures that track them: what the brief can cite instead of searching anything online.
 */
export function libraryFrameworksOf(
  statements: readonly BriefCitation[],
  frameworks: readonly Framework[] = loadFrameworks(),
): BriefLibraryFramework[] {
  const byId = new Map<
    string,
    { framework: Framework; techniques: Set<string>; citations: BriefCitation[] }
  >();
  for (const statement of statements)
    for (const match of matchFrameworks(statement.text, frameworks)) {
      const framework = frameworks.find((f) => f.id === match.id);
      if (!framework) continue;
      const entry = byId.get(match.id) ?? { framework, techniques: new Set(), citations: [] };
      for (const technique of match.techniques) entry.techniques.add(technique.id);
      entry.citations.push(statement);
      byId.set(match.id, entry);
    }
  return [...byId.values()]
    .map(({ framework, techniques, citations }) => {
      const used = framework.techniques.filter((t) => techniques.has(t.id));
      // Homework for a technique already in use first: the next step of what the client does.
      const homework = [...framework.typicalHomework].sort(
        (a, b) =>
          Number(b.techniqueId !== undefined && techniques.has(b.techniqueId)) -
          Number(a.techniqueId !== undefined && techniques.has(a.techniqueId)),
      );
      return {
        id: framework.id,
        name: framework.name,
        shortName: framework.shortName,
        techniques: used.map((t) => ({ id: t.id, name: t.name })),
        typicalHomework: homework.slice(0, MAX_HOMEWORK).map((h) => h.text),
        measures: framework.measures.map((m) => m.name),
        citations,
      };
    })
    .sort((a, b) => b.citations.length - a.citations.length || a.id.localeCompare(b.id));
}
