import { desc, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { SessionSummary } from '../../../../shared/api/schemas';
import type { SessionKind, SessionStatus } from '../../../../shared/domain/enums';
import { clients, recordings, sessions } from '../schema';
import type { DbOrTx } from './types';

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
};

function summaries(db: DbOrTx) {
  return db
    .select(summaryColumns)
    .from(sessions)
    .leftJoin(clients, eq(clients.id, sessions.clientId))
    .leftJoin(recordings, eq(recordings.sessionId, sessions.id));
}

/** Newest session first: the one a clinician just recorded is the one they look for. */
export function listSessionSummaries(db: DbOrTx): SessionSummary[] {
  return summaries(db).orderBy(desc(sessions.date), desc(sessions.createdAt)).all();
}

export function getSessionSummary(db: DbOrTx, id: string): SessionSummary | undefined {
  return summaries(db).where(eq(sessions.id, id)).get();
}

export function setSessionStatus(db: DbOrTx, id: string, status: SessionStatus): void {
  db.update(sessions).set({ status, updatedAt: Date.now() }).where(eq(sessions.id, id)).run();
}

export function getSessionRow(db: DbOrTx, id: string) {
  return db.select().from(sessions).where(eq(sessions.id, id)).get();
}
