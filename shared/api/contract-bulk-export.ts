import { z } from 'zod';
import { BulkExportRequest, BulkExportResult, BulkExportStarted } from './bulk-export-schemas';
import { Id } from './schemas';

/** Bulk export of records, part of the one contract (contract.ts spreads it in). */
export const bulkExportMethods = {
  /**
   * Exports the library or one client's records to a new folder as a run (progress as
   * runs.progress, cancellable with runs.cancel). Refused at once for a folder that is not empty
   * or inside the library. Pseudonymised unless `identifiers` is true.
   */
  'library.export': { input: BulkExportRequest, output: BulkExportStarted },
  /** Where a bulk export run put its folder and what its manifest says (null until done). */
  'library.exportResult': { input: z.object({ runId: Id }), output: BulkExportResult },
} as const;
