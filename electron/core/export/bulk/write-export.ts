import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type {
  BulkExportCounts,
  BulkExportRequest,
} from '../../../../shared/api/bulk-export-schemas';
import { CancelledError } from '../../errors';
import type { Db } from '../../store/open-database';
import type { ClientRecord } from './client-record';
import { csvHeader, csvRows, goalRows, noteRows, sessionRows, type CsvTable } from './csv-tables';
import { identifiedExport, pseudonymisedExport } from './export-identity';
import { recordBatches } from './record-batches';
import type { SessionRecord } from './session-record';

export interface ExportSelection {
  sessionIds: string[];
  clientIds: string[];
}

export interface WriteProgress {
  signal: AbortSignal;
  /** Percent of the records written, and that count in words (no PHI). */
  progress: (percent: number, message: string) => void;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** One export's write: where, what was asked, which records, and the run's signal and progress. */
export interface ExportJob {
  db: Db;
  staging: string;
  request: BulkExportRequest;
  selection: ExportSelection;
  run: WriteProgress;
}

/**
 * Writes every file of the export into `staging` (emptied first: a resumed or repeated write
 * starts clean). Records are read in small batches, their free text de-identified in a worker
 * thread, with a turn of the event loop between batches, so a library of a thousand sessions never
 * holds the main process. A cancel or a failure removes the staging folder.
 */
export async function writeExport(job: ExportJob): Promise<BulkExportCounts> {
  await rm(job.staging, { recursive: true, force: true });
  try {
    return await writeAll(job);
  } catch (error) {
    await rm(job.staging, { recursive: true, force: true });
    throw job.run.signal.aborted ? new CancelledError() : error;
  }
}

async function writeAll({
  db,
  staging,
  request,
  selection,
  run,
}: ExportJob): Promise<BulkExportCounts> {
  const identity = request.identifiers ? identifiedExport(db) : pseudonymisedExport(db);
  const asJson = request.formats.includes('json');
  const asCsv = request.formats.includes('csv');
  await mkdir(staging, { recursive: true });
  if (asJson) {
    await mkdir(path.join(staging, 'sessions'));
    await mkdir(path.join(staging, 'clients'));
  }
  const tables: Record<CsvTable, string[]> = {
    sessions: [csvHeader('sessions')],
    notes: [csvHeader('notes')],
    goals: [csvHeader('goals')],
  };
  const counts: BulkExportCounts = { clients: 0, sessions: 0, notes: 0, segments: 0, goals: 0 };
  const total = selection.sessionIds.length + selection.clientIds.length;
  let done = 0;
  const step = async (records: number) => {
    done += records;
    run.progress((100 * done) / Math.max(total, 1), `${done} of ${total} records written`);
    await nextTurn();
    if (run.signal.aborted) throw new CancelledError();
  };

  const sessionFile = async (record: SessionRecord) => {
    counts.sessions += 1;
    counts.notes += record.notes.length;
    counts.segments += record.transcript.length;
    if (asJson)
      await writeFile(
        path.join(staging, 'sessions', `${record.session.date}-${record.session.id}.json`),
        json(record),
      );
    tables.sessions.push(csvRows(sessionRows(record)));
    tables.notes.push(csvRows(noteRows(record)));
  };
  const clientFile = async (record: ClientRecord) => {
    counts.clients += 1;
    counts.goals += record.plan?.goals.length ?? 0;
    if (asJson)
      await writeFile(path.join(staging, 'clients', `${record.client.id}.json`), json(record));
    tables.goals.push(csvRows(goalRows(record)));
  };
  for await (const batch of recordBatches(db, identity, selection, run.signal)) {
    for (const written of batch.records)
      await (written.kind === 'session' ? sessionFile(written.record) : clientFile(written.record));
    await step(batch.size);
  }
  if (asCsv)
    for (const [table, chunks] of Object.entries(tables))
      await writeFile(path.join(staging, `${table}.csv`), chunks.join(''));
  return counts;
}
