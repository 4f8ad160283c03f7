import { and, desc, eq, ne } from 'drizzle-orm';
import { Brief } from '../../../../shared/api/brief-schemas';
import { sessions } from '../schema';
import { briefs } from '../schema-workflows';
import { createSession } from './sessions';
import type { DbOrTx } from './types';

/** The newest brief prepared for the session, or null. */
export function latestBrief(db: DbOrTx, sessionId: string): Brief | null {
  const row = db
    .select()
    .from(briefs)
    .where(eq(briefs.sessionId, sessionId))
    .orderBy(desc(briefs.createdAt))
    .limit(1)
    .get();
  if (!row) return null;
  return Brief.parse({
    id: row.id,
    sessionId: row.sessionId,
    clientId: row.clientId,
    runId: row.runId,
    createdAt: row.createdAt,
    analysis: JSON.parse(row.analysisJson) as unknown,
    abstract: JSON.parse(row.abstractJson) as unknown,
    guide: JSON.parse(row.guideJson) as unknown,
  });
}

/**
 * The client's session on `date`, or a planned one (status `scheduled`) when they have none that
 * day: a brief always prepares for a session the desk can show. A couple's joint session (which
 * carries one partner's id) is not that partner's own session: the couples merge prepares it.
 */
export function upcomingSessionFor(db: DbOrTx, clientId: string, date: string): string {
  const existing = db
    .select({ id: sessions.id })
    .from(sessions)
    .where(
      and(eq(sessions.clientId, clientId), eq(sessions.date, date), ne(sessions.kind, 'couple')),
    )
    .orderBy(desc(sessions.createdAt))
    .limit(1)
    .get();
  if (existing) return existing.id;
  const id = createSession(db, { clientId, date, kind: 'individual' });
  db.update(sessions).set({ status: 'scheduled' }).where(eq(sessions.id, id)).run();
  return id;
}
