import type { Db } from '../open-database';

/** A drizzle transaction handle; repositories accept it or the database interchangeably. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;
