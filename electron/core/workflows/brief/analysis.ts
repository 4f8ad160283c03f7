import type {
  BriefAnalysis,
  BriefCitation,
  BriefHomework,
  BriefQuestion,
  BriefRisk,
  BriefTheme,
} from '../../../../shared/api/brief-schemas';
import { kindsOf, type SentenceKind } from '../../notes/extractive/rules';
import { matchVocabulary } from '../../sync/abstract/match-vocabulary';
import type { ClientHistory, PriorRiskFlag } from './history';
import { libraryFrameworksOf } from './library-frameworks';
import { riskLabel, riskThemes } from './risk-words';

/** One statement of a signed note, with what the rules read in it. */
interface Statement {
  citation: BriefCitation;
  kinds: Set<SentenceKind>;
  themes: { id: string; label: string }[];
  frameworks: { id: string; label: string }[];
}

/**
 * The clinician's brief by rules, from signed notes only: the themes and frameworks of the
 * closed vocabulary with the statements they were read in, homework and whether a later note
 * speaks of it, risk and whether it is still open, the last ratings, goals, and questions to ask,
 * each citing the statements behind it.
 */
export function analyseHistory(history: ClientHistory): BriefAnalysis {
  const statements = statementsOf(history);
  const dates = [...new Set(history.notes.map((n) => n.date))];
  const lastDate = dates.at(-1);
  const themes = themesOf(statements);
  const homework = homeworkOf(statements, lastDate);
  const risks = risksOf(history.riskFlags, statements, lastDate);
  const ratings = statements.filter((s) => hasAny(s, 'rating', 'measure')).map((s) => s.citation);
  const goals = statements.filter((s) => s.kinds.has('goal')).map((s) => s.citation);
  return {
    sessionsRead: uniqueSessions(history),
    themes,
    frameworks: frameworksOf(statements),
    library: libraryFrameworksOf(statements.map((s) => s.citation)),
    homework,
    risks,
    ratings: ratings.slice(-3),
    goals,
    questions: questionsFor({ themes, homework, risks, ratings, lastDate }),
    summary: [],
    memos: [],
    planGoals: [],
    planVersion: null,
    mode: 'rules',
    model: null,
    modelNote: '',
  };
}

function statementsOf(history: ClientHistory): Statement[] {
  const out: Statement[] = [];
  for (const note of history.notes)
    for (const section of note.content.sections)
      section.items.forEach((item, index) => {
        const text = item.text.trim();
        if (!text) return;
        const matched = matchVocabulary([text]);
        out.push({
          citation: {
            sessionId: note.sessionId,
            date: note.date,
            noteId: note.noteId,
            sectionKey: section.key,
            sectionTitle: section.title,
            item: index,
            text,
          },
          // A note's statement has no speaker: what it says decides.
          kinds: kindsOf({ index, segmentId: '', speaker: 'note', text }),
          themes: matched.themes,
          frameworks: matched.frameworks,
        });
      });
  return out;
}

function hasAny(statement: Statement, ...kinds: SentenceKind[]): boolean {
  return kinds.some((kind) => statement.kinds.has(kind));
}

function uniqueSessions(history: ClientHistory) {
  const seen = new Map<string, string>();
  for (const note of history.notes) seen.set(note.sessionId, note.date);
  return [...seen].map(([sessionId, date]) => ({ sessionId, date }));
}

/** Themes by how many sessions raised them, then how recently. */
function themesOf(statements: readonly Statement[]): BriefTheme[] {
  const byId = new Map<string, { label: string; citations: BriefCitation[] }>();
  for (const statement of statements)
    for (const theme of statement.themes) {
      const entry = byId.get(theme.id) ?? { label: theme.label, citations: [] };
      entry.citations.push(statement.citation);
      byId.set(theme.id, entry);
    }
  return [...byId]
    .map(([id, { label, citations }]) => ({
      id,
      label,
      sessions: new Set(citations.map((c) => c.sessionId)).size,
      firstSeen: citations[0]?.date ?? '',
      lastSeen: citations.at(-1)?.date ?? '',
      citations,
    }))
    .sort((a, b) => b.sessions - a.sessions || b.lastSeen.localeCompare(a.lastSeen));
}

function frameworksOf(statements: readonly Statement[]) {
  const byId = new Map<string, { id: string; label: string; lastSeen: string }>();
  for (const statement of statements)
    for (const framework of statement.frameworks)
      byId.set(framework.id, { ...framework, lastSeen: statement.citation.date });
  return [...byId.values()].sort((a, b) => b.lastSeen.localeCompare(a.lastSeen));
}

const STOPWORDS = new Set(
  'about after again also before being between could does doing during each from have having into just more most next other over same should some such than that their them then there these they this those through until very week weeks what when where which while will with would your client clinician session homework practice agreed'.split(
    ' ',
  ),
);

/** A crude stem, so "complete a thought record" meets "completed two thought records". */
function stem(word: string): string {
  return word.replace(/(?:ing|ed|es|s|e)$/, '');
}

/** A statement's longer words, stemmed: what two statements about one task share. */
export function contentWords(text: string): Set<string> {
  return new Set(
    (text.toLowerCase().match(/[a-z]+/g) ?? [])
      .filter((w) => w.length >= 4 && !STOPWORDS.has(w))
      .map(stem),
  );
}

/**
 * Homework and whether it came back: a later note's statement sharing two content words with it
 * ("the thought record" → "completed two thought records") counts as the note speaking of it.
 */
function homeworkOf(statements: readonly Statement[], lastDate?: string): BriefHomework[] {
  return statements
    .filter((s) => s.kinds.has('homework'))
    .map((given) => {
      const words = contentWords(given.citation.text);
      const followUps = statements
        .filter((later) => later.citation.date > given.citation.date)
        .filter(
          (later) => [...contentWords(later.citation.text)].filter((w) => words.has(w)).length >= 2,
        )
        .map((later) => later.citation);
      const status: BriefHomework['status'] =
        given.citation.date === lastDate
          ? 'due_now'
          : followUps.length > 0
            ? 'came_back'
            : 'not_mentioned_since';
      return {
        text: given.citation.text,
        given: given.citation.date,
        status,
        citation: given.citation,
        followUps,
      };
    });
}

/**
 * Risk by kind: last seen, and open when a flag was never acknowledged or the most recent signed
 * note carries it. Citations are the statements of those sessions' notes that speak of it.
 */
function risksOf(
  flags: readonly PriorRiskFlag[],
  statements: readonly Statement[],
  lastDate?: string,
): BriefRisk[] {
  const byKind = new Map<string, PriorRiskFlag[]>();
  for (const flag of flags) byKind.set(flag.kind, [...(byKind.get(flag.kind) ?? []), flag]);
  return [...byKind].map(([kind, seen]) => {
    const lastSeen =
      seen
        .map((f) => f.date)
        .sort()
        .at(-1) ?? '';
    const sessions = new Set(seen.map((f) => f.sessionId));
    const themes = riskThemes(kind);
    const citations = statements
      .filter((s) => sessions.has(s.citation.sessionId))
      .filter((s) => s.themes.some((t) => themes.includes(t.id)) || s.kinds.has('safety'))
      .map((s) => s.citation);
    return {
      kind,
      label: riskLabel(kind),
      lastSeen,
      open: seen.some((f) => !f.acknowledged) || lastSeen === lastDate,
      citations,
    };
  });
}

function questionsFor(input: {
  themes: readonly BriefTheme[];
  homework: readonly BriefHomework[];
  risks: readonly BriefRisk[];
  ratings: readonly BriefCitation[];
  lastDate?: string;
}): BriefQuestion[] {
  const questions: BriefQuestion[] = [];
  // Every risk on record is asked about; an open one first and more firmly.
  const risks = [...input.risks].sort((a, b) => Number(b.open) - Number(a.open));
  for (const risk of risks)
    questions.push({
      text: risk.open
        ? `Check on safety first: ${risk.label.toLowerCase()} was noted on ${risk.lastSeen} and is still open. Review the safety plan.`
        : `Ask about safety since ${risk.lastSeen}, when ${risk.label.toLowerCase()} was noted.`,
      citations: risk.citations,
    });
  for (const task of input.homework.filter((h) => h.status !== 'came_back'))
    questions.push({
      text:
        task.status === 'due_now'
          ? `Ask how the homework set on ${task.given} went.`
          : `Ask whether the homework set on ${task.given} was tried; no later note mentions it.`,
      citations: [task.citation],
    });
  const lastRating = input.ratings.at(-1);
  if (lastRating)
    questions.push({
      text: `Ask for this week's rating, to compare with ${lastRating.date}.`,
      citations: [lastRating],
    });
  for (const theme of input.themes)
    if (theme.sessions >= 2 && input.lastDate && theme.lastSeen < input.lastDate)
      questions.push({
        text: `Ask whether ${theme.label} is still a concern (last noted ${theme.lastSeen}).`,
        citations: theme.citations.slice(-2),
      });
  return questions;
}
