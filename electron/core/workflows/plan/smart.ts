import type { GoalTarget, Smart, SmartField } from '../../../../shared/api/plan-schemas';
import type { Rating } from './extract';

/**
 * A goal statement read into the five SMART parts by rules. What the note states is used as
 * written; a part it does not state is filled with Cairn's default, worded as something to
 * confirm with the client, and listed in `toConfirm` so the plan shows which parts are Cairn's.
 */

export interface SmartGoalDraft {
  statement: string;
  smart: Smart;
  toConfirm: SmartField[];
  measure: string;
  target: GoalTarget | null;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  a: 1,
};

/** "bring anxiety down to 4 out of 10", "raise mood to 7/10". */
const TARGET =
  /\b([a-z]+)\s+(?:(down|up)\s+)?to\s+(?:at most\s+|at least\s+)?(\d+(?:\.\d+)?)\s*(?:out of|\/)\s*(\d+)/i;
const UP_WORDS = /\b(?:raise|increase|improve|lift|up|at least|more)\b/i;
/** "within eight weeks", "in 6 weeks", "over the next two months". */
const WITHIN = /\b(?:within|in|over the next)\s+(\d+|[a-z]+)\s+(day|week|month)s?\b/i;
const BY_DATE = /\bby\s+(\d{4}-\d{2}-\d{2})\b/;

/** The time limit as the goal states it ("within eight weeks", "by 2026-12-01"), if it does. */
export function timePhraseOf(text: string): string | null {
  const found = BY_DATE.exec(text) ?? WITHIN.exec(text);
  return found ? found[0].toLowerCase() : null;
}

/** The goal's words without the note's label ("Goal:", "Goal revised:"). */
export function goalStatement(text: string): string {
  const bare = text
    .replace(
      /^\s*(?:(?:new|agreed|revised|updated)\s+)?goals?(?:\s+(?:revised|updated|set|agreed|restated|reviewed))?\s*[:\-–]\s*/i,
      '',
    )
    .trim()
    .replace(/\.$/, '');
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}

/** The rated target a goal names, if it names one. */
export function targetOf(text: string): GoalTarget | null {
  const found = TARGET.exec(text);
  if (!found) return null;
  const [, key, way, value, scale] = found;
  if (!key || !value || !scale) return null;
  const direction = way
    ? (way.toLowerCase() as 'down' | 'up')
    : UP_WORDS.test(text)
      ? 'up'
      : 'down';
  return { key: key.toLowerCase(), value: Number(value), scale: Number(scale), direction };
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function timeBoundOf(text: string, setOn: string): string | null {
  const byDate = BY_DATE.exec(text);
  if (byDate?.[1]) return `By ${byDate[1]} (set on ${setOn}).`;
  const within = WITHIN.exec(text);
  if (!within?.[1] || !within[2]) return null;
  const count = /^\d+$/.test(within[1]) ? Number(within[1]) : NUMBER_WORDS[within[1].toLowerCase()];
  if (!count) return null;
  const unit = within[2].toLowerCase();
  const days = unit === 'day' ? count : unit === 'week' ? count * 7 : count * 30;
  return `Within ${within[1]} ${unit}${count === 1 ? '' : 's'} of ${setOn}: review by ${addDays(setOn, days)}.`;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The SMART goal a statement states. `baseline` is the session's own rating of the same thing,
 * `themes` the closed-vocabulary themes of the session's note (what the goal answers to).
 */
export function smartGoalOf(
  text: string,
  setOn: string,
  baseline: Rating | undefined,
  themes: readonly { label: string }[],
): SmartGoalDraft {
  const statement = goalStatement(text);
  const target = targetOf(text);
  const toConfirm: SmartField[] = [];
  const fallback = (field: SmartField, words: string) => {
    toConfirm.push(field);
    return `To confirm (Cairn's default): ${words}`;
  };
  const reach = target
    ? `${capital(target.key)} at ${target.direction === 'down' ? 'or below' : 'or above'} ${target.value} out of ${target.scale}.`
    : null;
  const measure = target
    ? `${capital(target.key)} rating 0–${target.scale}, asked each session.`
    : "The client's own 0–10 rating of this goal, asked each session (to confirm).";
  const achievable =
    target && baseline?.key === target.key
      ? `From ${baseline.value} out of ${baseline.scale} on ${baseline.citation.date}: a ${Math.abs(baseline.value - target.value)}-point change, agreed in session.`
      : null;
  const timeBound = timeBoundOf(text, setOn);
  return {
    statement,
    smart: {
      specific: `${statement}.`,
      measurable:
        reach ?? fallback('measurable', "the client's own 0–10 rating of this goal, each session."),
      achievable:
        achievable ??
        fallback('achievable', 'agreed with the client as within reach by the time set.'),
      relevant:
        themes.length > 0
          ? `Addresses ${themes.map((t) => t.label.toLowerCase()).join(', ')}, raised in the session of ${setOn}.`
          : fallback('relevant', 'why this goal matters to the client, in their words.'),
      timeBound:
        timeBound ?? fallback('timeBound', 'review at the next session, then every four weeks.'),
    },
    toConfirm,
    measure,
    target,
  };
}
