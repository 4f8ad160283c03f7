import { asc, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { ClientSummary } from '../../../../shared/api/schemas';
import { clients } from '../schema';
import type { DbOrTx } from './types';

export function listClients(db: DbOrTx): ClientSummary[] {
  return db
    .select({ id: clients.id, name: clients.name, createdAt: clients.createdAt })
    .from(clients)
    .orderBy(asc(clients.name))
    .all();
}

/** Returns the client with exactly this name, creating it if needed; `created` tells which. */
export function findOrCreateClient(db: DbOrTx, name: string): { id: string; created: boolean } {
  const existing = db.select({ id: clients.id }).from(clients).where(eq(clients.name, name)).get();
  if (existing) return { id: existing.id, created: false };
  const id = randomUUID();
  db.insert(clients).values({ id, name }).run();
  return { id, created: true };
}
