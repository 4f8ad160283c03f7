import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { SessionSummary } from '../../../../shared/api/schemas';
import type { SessionKind, SessionStatus } from '../../../../shared/domain/enums';
import { ValidationError } from '../../errors';
import { clients, pipelineRuns, recordings, sessions } from '../schema';
import { atomically, type DbOrTx } from './types';

export interface NewSession {
  clientId: string | null;
  date: string;
  kind: SessionKind;
}

export function createSession(db: DbOrTx, session: NewSession): string {
  const id = randomUUID();
  db.insert(sessions)
    .values({ id, ...session })
    .run();
  return id;
}

const summaryColumns = {
  id: sessions.id,
  clientId: sessions.clientId,
  clientName: clients.name,
  date: sessions.date,
  kind: sessions.kind,
  status: sessions.status,
  durationSec: recordings.durationSec,
  createdAt: sessions.createdAt,
  openRiskFlags: sql<number>`(select count(*) from risk_flags f
    where f.session_id = ${sessions.id} and f.acknowledged_at is null)`,
  // The newest run that processed the recording (a brief's run is not the session's progress).
  latestRunId: sql<string | null>`(select r.id from pipeline_runs r
    where r.session_id = ${sessions.id} and r.type = 'process'
    order by r.created_at desc, r.rowid desc limit 1)`,
};

function summaries(db: DbOrTx) {
  return db
    .select(summaryColumns)
    .from(sessions)
    .leftJoin(clients, eq(clients.id, sessions.clientId))
    .leftJoin(recordings, eq(recordings.sessionId, sessions.id));
}

type SummaryRow = ReturnType<ReturnType<typeof summaries>['all']>[number];

function withRuns(db: DbOrTx, rows: SummaryRow[]): SessionSummary[] {
  const ids = rows.map((r) => r.latestRunId).filter((id): id is string => id !== null);
  const runs = new Map<string, SessionSummary['latestRun']>();
  // In batches: SQLite binds at most 32,766 variables a statement.
  for (let i = 0; i < ids.length; i += 5000)
    for (const run of db
      .select({
        id: pipelineRuns.id,
        status: pipelineRuns.status,
        currentStage: pipelineRuns.currentStage,
        progress: pipelineRuns.progress,
      })
      .from(pipelineRuns)
      .where(inArray(pipelineRuns.id, ids.slice(i, i + 5000)))
      .all())
      runs.set(run.id, run);
  return rows.map(({ latestRunId, ...row }) => ({
    ...row,
    latestRun: latestRunId === null ? null : (runs.get(latestRunId) ?? null),
  }));
}

/** Newest session first: the one a clinician just recorded is the one they look for. */
export function listSessionSummaries(db: DbOrTx): SessionSummary[] {
  return withRuns(db, summaries(db).orderBy(desc(sessions.date), desc(sessions.createdAt)).all());
}

/** Oldest first: a client's sessions over time. */
export function listClientSessions(db: DbOrTx, clientId: string): SessionSummary[] {
  return withRuns(
    db,
    summaries(db)
      .where(eq(sessions.clientId, clientId))
      .orderBy(asc(sessions.date), asc(sessions.createdAt))
      .all(),
  );
}

export function getSessionSummary(db: DbOrTx, id: string): SessionSummary | undefined {
  const row = summaries(db).where(eq(sessions.id, id)).get();
  return row ? withRuns(db, [row])[0] : undefined;
}

export function setSessionStatus(db: DbOrTx, id: string, status: SessionStatus): void {
  db.update(sessions).set({ status, updatedAt: Date.now() }).where(eq(sessions.id, id)).run();
}

export function getSessionRow(db: DbOrTx, id: string) {
  return db.select().from(sessions).where(eq(sessions.id, id)).get();
}

/**
 * Assigns the session to a client (or to none); returns the client it had before. A signed session
 * is part of the record as signed, so its client is no longer changed.
 */
export function setSessionClient(
  db: DbOrTx,
  sessionId: string,
  clientId: string | null,
): { previousClientId: string | null } {
  return atomically(db, (tx) => {
    const session = getSessionRow(tx, sessionId);
    if (!session)
      throw new ValidationError('session_not_found', `There is no session with id ${sessionId}.`);
    if (session.status === 'approved' && session.clientId !== clientId)
      throw new ValidationError(
        'session_signed',
        'This session is approved and signed, so its client can no longer be changed.',
      );
    if (clientId !== null) {
      const client = tx.select({ id: clients.id }).from(clients).where(eq(clients.id, clientId));
      if (!client.get())
        throw new ValidationError(
          'client_not_found',
          'That client no longer exists. Reload the page and choose another.',
        );
    }
    tx.update(sessions)
      .set({ clientId, updatedAt: Date.now() })
      .where(eq(sessions.id, sessionId))
      .run();
    return { previousClientId: session.clientId };
  });
}
