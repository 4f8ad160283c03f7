import { eq, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { ClientSummary } from '../../../../shared/api/schemas';
import { ValidationError } from '../../errors';
import { clients, sessions } from '../schema';
import { atomically, type DbOrTx } from './types';

const summaryColumns = {
  id: clients.id,
  name: clients.name,
  createdAt: clients.createdAt,
  sessionCount: sql<number>`count(${sessions.id})`,
  // Dates are YYYY-MM-DD text, so the largest string is the newest day.
  lastSessionDate: sql<string | null>`max(${sessions.date})`,
  openRiskFlags: sql<number>`(select count(*) from risk_flags f
    join sessions s on s.id = f.session_id
    where s.client_id = ${clients.id} and f.acknowledged_at is null)`,
};

function summaries(db: DbOrTx) {
  return db
    .select(summaryColumns)
    .from(clients)
    .leftJoin(sessions, eq(sessions.clientId, clients.id))
    .groupBy(clients.id);
}

/** Alphabetical as a person reads it: "adam" sorts with "Adam", not after "Zoe". */
export function listClients(db: DbOrTx): ClientSummary[] {
  return summaries(db)
    .orderBy(sql`${clients.name} collate nocase`)
    .all();
}

export function getClient(db: DbOrTx, id: string): ClientSummary | undefined {
  return summaries(db).where(eq(clients.id, id)).get();
}

export function requireClient(db: DbOrTx, id: string): ClientSummary {
  const client = getClient(db, id);
  if (!client)
    throw new ValidationError(
      'client_not_found',
      'This client no longer exists. Reload the Clients page and choose another.',
    );
  return client;
}

/**
 * Two names a clinician would read as the same person: case and runs of spaces do not count.
 * Compared in JavaScript, not SQL: SQLite's NOCASE folds ASCII only ("José" ≠ "JOSÉ").
 */
function sameNameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The client another name would be confused with; a practice has hundreds, so a scan is cheap. */
function findClientNamed(db: DbOrTx, name: string): { id: string; name: string } | undefined {
  const exact = db
    .select({ id: clients.id, name: clients.name })
    .from(clients)
    .where(eq(clients.name, name))
    .get();
  if (exact) return exact;
  const key = sameNameKey(name);
  return db
    .select({ id: clients.id, name: clients.name })
    .from(clients)
    .all()
    .find((c) => sameNameKey(c.name) === key);
}

function refuseDuplicate(db: DbOrTx, name: string, exceptId?: string): void {
  const existing = findClientNamed(db, name);
  if (existing && existing.id !== exceptId)
    throw new ValidationError(
      'client_name_taken',
      `There is already a client called “${existing.name}”. Open that client, or add something ` +
        'to tell them apart (a middle initial, a year of birth).',
    );
}

/**
 * A new client. The check and the insert are one immediate transaction, so two windows (or the
 * CLI and the app) cannot both create the same name; the unique index backs up exact duplicates.
 */
export function createClient(db: DbOrTx, name: string): string {
  return atomically(db, (tx) => {
    refuseDuplicate(tx, name);
    const id = randomUUID();
    tx.insert(clients).values({ id, name }).run();
    return id;
  });
}

/** Renames a client; only a change of case or spacing of the same client is not a duplicate. */
export function renameClient(db: DbOrTx, id: string, name: string): { changed: boolean } {
  return atomically(db, (tx) => {
    const client = requireClient(tx, id);
    if (client.name === name) return { changed: false };
    refuseDuplicate(tx, name, id);
    tx.update(clients).set({ name, updatedAt: Date.now() }).where(eq(clients.id, id)).run();
    return { changed: true };
  });
}

/**
 * The client a name refers to, creating it if needed; `created` tells which. "jane doe" finds
 * "Jane Doe", so an import never makes a second client that the Clients page would refuse.
 */
export function findOrCreateClient(db: DbOrTx, name: string): { id: string; created: boolean } {
  const existing = findClientNamed(db, name);
  if (existing) return { id: existing.id, created: false };
  const id = randomUUID();
  db.insert(clients).values({ id, name }).run();
  return { id, created: true };
}
