import { and, asc, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import type { EmailTemplate } from '../../../../shared/api/template-schemas';
import { requireClient } from '../../store/repositories/clients';
import { currentPlan } from '../../store/repositories/plans';
import type { DbOrTx } from '../../store/repositories/types';
import { sessions } from '../../store/schema';
import { extractSession, signedNoteOf } from '../plan/extract';

/**
 * What a follow-up may say, gathered as the template's variables and nothing more: the message is
 * filled (or a model writes it) from these values alone, never from the whole note.
 */
export const FollowUpValues = z.object({
  noteId: z.string(),
  clientId: z.string(),
  values: z.record(z.string(), z.string()),
  /** Whether the session set homework and the client has a next session (for the model's check). */
  hasHomework: z.boolean(),
  hasNextSession: z.boolean(),
});
export type FollowUpValues = z.infer<typeof FollowUpValues>;

const NO_HOMEWORK = 'Nothing new to practise this time; keep going with what helps.';
const NO_NEXT_SESSION = 'at a time we will arrange together';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * "2026-12-14" → "Monday 14 December 2026": the day as written (no time zone moves it), and the
 * same words whatever ICU data the runtime carries.
 */
export function dayInWords(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  return `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "Homework: keep a thought record daily." → "Keep a thought record daily." */
function homeworkLine(text: string): string {
  const bare = text.replace(/^\s*(?:homework|assignment)\s*:\s*/i, '').trim();
  return `- ${bare.charAt(0).toUpperCase()}${bare.slice(1)}`;
}

export function gatherFollowUpValues(
  db: DbOrTx,
  sessionId: string,
  template: EmailTemplate,
  clinicianName: string,
  resourcesDir?: string,
): FollowUpValues {
  const { session, noteId } = signedNoteOf(db, sessionId);
  const client = requireClient(db, session.clientId);
  const extract = extractSession(db, sessionId, resourcesDir);
  const plan = currentPlan(db, session.clientId).content;
  // The note's homework statements, then the plan's open homework set at this session.
  const homework = [
    ...extract.homework.map((h) => h.text),
    ...plan.homework
      .filter((h) => h.sessionId === sessionId && h.status === 'set')
      .map((h) => h.text),
  ].map(homeworkLine);
  const uniqueHomework = [...new Set(homework)];
  const next = db
    .select({ date: sessions.date })
    .from(sessions)
    .where(
      and(
        eq(sessions.clientId, session.clientId),
        eq(sessions.status, 'scheduled'),
        gt(sessions.date, session.date),
      ),
    )
    .orderBy(asc(sessions.date))
    .limit(1)
    .get();
  const goals = plan.goals.filter((g) => g.status !== 'achieved').map((g) => `- ${g.statement}`);
  const values: Record<string, string> = {
    'client.firstName': client.name.trim().split(/\s+/)[0] ?? client.name,
    'client.name': client.name,
    'clinician.name': clinicianName,
    'session.date': dayInWords(session.date),
    'nextSession.date': next ? dayInWords(next.date) : NO_NEXT_SESSION,
    homework: uniqueHomework.length > 0 ? uniqueHomework.join('\n') : NO_HOMEWORK,
    goals: goals.length > 0 ? goals.join('\n') : '',
    resources: template.resources,
  };
  // Only what the template declares: a value it did not ask for never reaches the message.
  const declared = Object.fromEntries(
    Object.entries(values).filter(([name]) => template.variables.includes(name)),
  );
  return {
    noteId,
    clientId: session.clientId,
    values: declared,
    hasHomework: uniqueHomework.length > 0,
    hasNextSession: next !== undefined,
  };
}
