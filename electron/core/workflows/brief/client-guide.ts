import type { BriefAbstract, ClientGuide } from '../../../../shared/api/brief-schemas';
import { FRAMEWORK_PHRASES, THEME_PHRASES } from './guide-phrases';

/** A theme that names a broader one more closely. */
const NARROWER: Record<string, string> = { work_anxiety: 'anxiety', work_stress: 'stress' };

/** At most this many topics: a sheet a client reads in a minute. */
const MAX_TOPICS = 3;

/**
 * The client's preparation sheet, from the abstract alone and Cairn's own sentences: the topics
 * (theme phrases), what you have been practising (framework phrases), a homework reminder that
 * does not say what it was, and questions to think about. `grade` scores its readability.
 */
export function buildClientGuide(
  abstract: BriefAbstract,
  grade: (text: string) => number,
): ClientGuide {
  // "worry about work" already says "worry": the broader theme is left out beside it.
  const themes = abstract.themes.filter(
    (id) =>
      !Object.entries(NARROWER).some(
        ([narrow, broad]) => broad === id && abstract.themes.includes(narrow),
      ),
  );
  const phrases = uniqueBy(
    themes.flatMap((id) => (Object.hasOwn(THEME_PHRASES, id) ? [THEME_PHRASES[id]] : [])),
    (p) => p?.topic,
  )
    .filter((p): p is NonNullable<typeof p> => p !== undefined)
    .slice(0, MAX_TOPICS);
  const practices = abstract.frameworks
    .flatMap((id) => (Object.hasOwn(FRAMEWORK_PHRASES, id) ? [FRAMEWORK_PHRASES[id]] : []))
    .filter((p): p is string => p !== undefined)
    .slice(0, MAX_TOPICS);
  const sections: ClientGuide['sections'] = [
    {
      heading: 'Before your next session',
      lines: [
        'This sheet can help you get ready. You do not need to write anything down.',
        ...(phrases.length > 0
          ? [`Lately we have talked about ${listOf(phrases.map((p) => p.topic))}.`]
          : ['Think about what you would most like to talk about.']),
      ],
    },
  ];
  if (practices.length > 0)
    sections.push({
      heading: 'What we have been practising',
      lines: practices.map((p) => `${capitalise(p)}.`),
    });
  if (abstract.homeworkDue)
    sections.push({
      heading: 'Your task from last time',
      lines: [
        'Bring what you tried, even if it did not go to plan. What got in the way is useful too.',
      ],
    });
  sections.push({
    heading: 'Things to think about',
    lines: [
      ...phrases.map((p) => p.prompt),
      'What is one thing you want to take away from the next session?',
    ],
  });
  const text = sections.flatMap((s) => [s.heading, ...s.lines]).join(' ');
  return { title: 'Getting ready for your session', sections, grade: round1(grade(text)) };
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => unknown): T[] {
  const seen = new Set<unknown>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
