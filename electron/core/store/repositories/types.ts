import type { Db } from '../open-database';

/** A drizzle transaction handle; repositories accept it or the database interchangeably. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/**
 * Runs `work` atomically whether the caller passed the database (BEGIN IMMEDIATE, so a
 * read-then-write never fails halfway on another process's write) or its own transaction (a
 * savepoint, so a refusal rolls back only this work and the caller decides about the rest).
 */
export function atomically<T>(db: DbOrTx, work: (tx: Tx) => T): T {
  if ('rollback' in db) return db.transaction(work);
  return db.transaction(work, { behavior: 'immediate' });
}
