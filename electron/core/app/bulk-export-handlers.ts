import { BulkExportRequest } from '../../../shared/api/bulk-export-schemas';
import { RunOptions } from '../../../shared/api/schemas';
import type { DataLayout } from '../config/data-dir';
import { ValidationError } from '../errors';
import { exportSelection, requireSessions } from '../export/bulk/export-selection';
import { checkTarget, stagingFolder } from '../export/bulk/export-target';
import { discardStaging, readManifest } from '../export/bulk/seal-export';
import type { PipelineService } from '../pipeline/pipeline-service';
import type { Db } from '../store/open-database';
import { getRun, liveRunForSession } from '../store/repositories/runs';
import type { Handlers } from './handlers';

type BulkExportHandlers = Pick<Handlers, 'library.export' | 'library.exportResult'>;

/**
 * Bulk export as a run on the one run machinery. A run belongs to a session (pipeline_runs has no
 * library-wide runs), so an export is carried by the newest session of its scope that has no run
 * of its own going: that session cannot be processed for the seconds the export takes.
 */
export function createBulkExportHandlers(context: {
  db: Db;
  layout: DataLayout;
  pipeline: PipelineService;
  onError?: (error: unknown) => void;
}): BulkExportHandlers {
  const { db, layout, pipeline } = context;
  return {
    'library.export': (input) => {
      const request = { ...input, target: checkTarget(input.target, layout.root) };
      const sessions = requireSessions(exportSelection(db, request.scope));
      const carrier = [...sessions].reverse().find((id) => !liveRunForSession(db, id));
      if (!carrier)
        throw new ValidationError(
          'library_busy',
          'Every session here is being processed. Export again when they have finished.',
        );
      const { runId } = pipeline.enqueueWorkflow('bulk_export', carrier, true, {
        bulkExport: request,
      });
      // A run that fails or is cancelled between its stages (from another window) leaves no
      // staging folder either: whoever asked for it clears it when it settles.
      void pipeline.settled(runId).then(
        (run) =>
          run.status === 'completed'
            ? undefined
            : discardStaging(stagingFolder(request.target, runId)).catch(context.onError),
        // Cairn closing mid-export: the run resumes at the next start and writes afresh.
        () => undefined,
      );
      return { runId };
    },
    'library.exportResult': async ({ runId }) => {
      const run = getRun(db, runId);
      if (run?.type !== 'bulk_export')
        throw new ValidationError('run_not_found', `There is no export run with id ${runId}.`);
      const request = BulkExportRequest.parse(
        RunOptions.parse(JSON.parse(run.optionsJson)).bulkExport,
      );
      const status =
        run.status === 'queued' || run.status === 'awaiting_review' ? 'running' : run.status;
      if (status !== 'completed') return { runId, status, folder: null, manifest: null };
      return {
        runId,
        status,
        folder: request.target,
        manifest: await readManifest(request.target),
      };
    },
  };
}
