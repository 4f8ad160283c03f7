import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Db } from '../../store/open-database';
import { runWorkerTask } from '../../workers/run-worker-task';
import { clientRecord, type ClientRecord } from './client-record';
import type { ExportIdentity } from './export-identity';
import { sessionRecord, type PendingRecord, type SessionRecord } from './session-record';
import type { ExportSelection } from './write-export';

/**
 * Records de-identified per worker task: enough to repay a thread's start (a few hundred ms),
 * few enough that progress moves and a cancel is heard within seconds.
 */
const BATCH = 20;

/**
 * Batches de-identified at once: a 60-minute transcript takes a thread a few seconds, so a
 * machine with cores to spare uses them; one core is always left for the app itself.
 */
const PARALLEL = Math.max(1, Math.min(4, availableParallelism() - 1));

export type Written =
  { kind: 'session'; record: SessionRecord } | { kind: 'client'; record: ClientRecord };

type Queued = { kind: Written['kind']; id: string };

/** A pending record of either kind, its result tagged with which it is. */
function typed<K extends Written['kind']>(
  kind: K,
  pending: PendingRecord<Extract<Written, { kind: K }>['record']>,
): PendingRecord<Written> {
  return { ...pending, build: (texts) => ({ kind, record: pending.build(texts) }) as Written };
}

/** The records with their texts as exported: as they are, or de-identified in a worker thread. */
async function finished<T>(pending: PendingRecord<T>[], signal: AbortSignal): Promise<T[]> {
  const items = pending.flatMap((p) => (p.names ? [{ texts: p.texts, names: p.names }] : []));
  if (items.length === 0) return pending.map((p) => p.build(p.texts));
  const scrubbed = await runWorkerTask('deidentifyExport', { items }, { signal });
  let next = 0;
  return pending.map((p) => p.build(p.names ? (scrubbed[next++] ?? []) : p.texts));
}

/** A batch read from the library, a record at a time with a turn of the event loop between. */
async function read(
  db: Db,
  identity: ExportIdentity,
  batch: Queued[],
): Promise<PendingRecord<Written>[]> {
  const out: PendingRecord<Written>[] = [];
  for (const item of batch) {
    if (item.kind === 'client') out.push(typed('client', clientRecord(db, item.id, identity)));
    else {
      const session = sessionRecord(db, item.id, identity);
      if (session) out.push(typed('session', session));
    }
    await nextTurn();
  }
  return out;
}

/**
 * The selection's records, sessions then clients (one queue: a small export starts one worker
 * thread, not two), a batch at a time and in order, while the next batches are de-identified.
 * Reading the library stays on this thread (the database is open here); only text goes out.
 */
export async function* recordBatches(
  db: Db,
  identity: ExportIdentity,
  selection: ExportSelection,
  signal: AbortSignal,
): AsyncGenerator<{ records: Written[]; size: number }> {
  const queue: Queued[] = [
    ...selection.sessionIds.map((id) => ({ kind: 'session' as const, id })),
    ...selection.clientIds.map((id) => ({ kind: 'client' as const, id })),
  ];
  const inFlight: { records: Promise<Written[]>; size: number }[] = [];
  try {
    for (let i = 0; i < queue.length; i += BATCH) {
      const batch = queue.slice(i, i + BATCH);
      const records = finished(await read(db, identity, batch), signal);
      // Awaited in order below; a batch that fails after an earlier one stopped the export is
      // not left as an unhandled rejection.
      records.catch(() => undefined);
      inFlight.push({ records, size: batch.length });
      if (inFlight.length >= PARALLEL) yield await next(inFlight);
    }
    while (inFlight.length > 0) yield await next(inFlight);
  } finally {
    inFlight.length = 0;
  }
}

async function next(inFlight: { records: Promise<Written[]>; size: number }[]) {
  const first = inFlight.shift() as { records: Promise<Written[]>; size: number };
  return { records: await first.records, size: first.size };
}
