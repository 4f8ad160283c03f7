import { existsSync } from 'node:fs';
import { z } from 'zod';
import {
  BulkExportCounts,
  type BulkExportRequest,
} from '../../../../shared/api/bulk-export-schemas';
import { CancelledError, ValidationError } from '../../errors';
import { evenWeights, StepEstimator, type Steps } from '../../pipeline/progress';
import type { RunTypeDefinition } from '../../pipeline/run-types';
import type { StageContext, StageDefinition } from '../../pipeline/stage-definition';
import { recordAudit } from '../../store/repositories/audit';
import { pastWorkflowStageMs } from '../../store/repositories/runs';
import { stagingFolder } from './export-target';
import { exportSelection } from './export-selection';
import { discardStaging, sealExport } from './seal-export';
import { writeExport, type ExportSelection } from './write-export';

const STEPS: Steps = [['export_select'], ['export_write'], ['export_manifest']];
/** A small library takes a second or two; this machine's past exports replace the guess. */
const DEFAULT_STAGE_MS = 1000;

const Selection = z.object({ sessionIds: z.array(z.string()), clientIds: z.array(z.string()) });
const Written = z.object({ staging: z.string(), counts: BulkExportCounts });

/** The user's choices, kept with the run; a bulk_export run without them cannot have been queued. */
export function requestOf(context: { options: StageContext['options'] }): BulkExportRequest {
  const request = context.options.bulkExport;
  if (!request)
    throw new ValidationError(
      'export_request_missing',
      'This export run lost its choices. Start the export again.',
    );
  return request;
}

const selectStage: StageDefinition<ExportSelection> = {
  name: 'export_select',
  onFailure: 'fail-run',
  execute: (context) =>
    new Promise((resolve) => {
      resolve(exportSelection(context.db, requestOf(context).scope));
    }),
  // Ids only (in the encrypted library): the write reads the records themselves.
  summary: (output) => output,
};

const writeStage: StageDefinition<z.infer<typeof Written>> = {
  name: 'export_write',
  onFailure: 'fail-run',
  consumes: ['export_select'],
  execute: async (context) => {
    const request = requestOf(context);
    const staging = stagingFolder(request.target, context.runId);
    const counts = await writeExport({
      db: context.db,
      staging,
      request,
      selection: Selection.parse(context.outputOf('export_select')),
      run: { signal: context.signal, progress: context.progress },
    });
    return { staging, counts };
  },
  summary: (output) => output,
  // After a crash the staging folder may be gone: the files are written again, from the start.
  stillValid: (_context, summary) => existsSync(summary.staging),
};

const manifestStage: StageDefinition<{ files: number; counts: BulkExportCounts }> = {
  name: 'export_manifest',
  onFailure: 'fail-run',
  consumes: ['export_write'],
  execute: async (context) => {
    const request = requestOf(context);
    const { staging, counts } = Written.parse(context.outputOf('export_write'));
    try {
      if (context.signal.aborted) throw new CancelledError();
      const manifest = await sealExport({
        db: context.db,
        runId: context.runId,
        staging,
        target: request.target,
        request,
        counts,
      });
      return { files: manifest.files.length, counts };
    } catch (error) {
      // A failed or cancelled export leaves nothing behind, not even its staging folder.
      await discardStaging(staging);
      throw error;
    }
  },
  // Scope, mode, formats and counts: never a name, a path or any content.
  commit: (tx, context, output) => {
    const request = requestOf(context);
    recordAudit(tx, {
      actor: context.actor,
      action: 'library.exported',
      entityType: request.scope.kind === 'client' ? 'client' : 'library',
      entityId: request.scope.kind === 'client' ? request.scope.clientId : undefined,
      detail: {
        run: context.runId,
        scope: request.scope.kind,
        mode: request.identifiers ? 'identified' : 'pseudonymised',
        formats: request.formats.join(','),
        files: output.files,
        ...output.counts,
      },
    });
  },
  summary: (output) => output,
};

/** `cairn export library|client`: records to a folder, as JSON and CSV with a manifest of hashes. */
export const BULK_EXPORT_RUN: RunTypeDefinition = {
  type: 'bulk_export',
  steps: STEPS,
  stages: {
    export_select: selectStage,
    export_write: writeStage,
    export_manifest: manifestStage,
  },
  usesWorkDir: false,
  precheck: ({ options }) =>
    new Promise((resolve) => {
      requestOf({ options });
      resolve();
    }),
  estimator: (db) => {
    const past = pastWorkflowStageMs(db, 'bulk_export');
    return new StepEstimator(
      STEPS,
      evenWeights(STEPS),
      (stage) => past.get(stage) ?? DEFAULT_STAGE_MS,
    );
  },
};
