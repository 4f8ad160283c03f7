import { useCallback, useEffect, useState } from 'react';
import type {
  BulkExportRequest,
  BulkExportResult,
} from '../../../../shared/api/bulk-export-schemas';
import type { RunProgress } from '../../../../shared/api/schemas';
import { useApi } from '../../api/context';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export type BulkExportState =
  | { phase: 'idle' }
  | { phase: 'running'; runId: string; progress: RunProgress | null }
  | { phase: 'done'; result: BulkExportResult }
  | { phase: 'cancelled' }
  | { phase: 'error'; message: string };

/**
 * One bulk export from the desk: asked for, followed through `runs.progress` and `runs.changed`
 * (the run may end while the dialog is closed), then read back with its manifest.
 */
export function useBulkExport() {
  const api = useApi();
  const [state, setState] = useState<BulkExportState>({ phase: 'idle' });
  const runId = state.phase === 'running' ? state.runId : null;

  useEffect(() => {
    if (!runId) return;
    // Cleared when the effect ends: a late answer must not overwrite a newer export's state.
    const current = { live: true as boolean };
    const show = (next: BulkExportState) => {
      if (current.live) setState(next);
    };
    // Reads how the run ended; a run still going is left to its events.
    const settle = () =>
      api.call('runs.get', { id: runId }).then(async (run) => {
        if (run.status === 'cancelled') show({ phase: 'cancelled' });
        else if (run.status === 'failed')
          show({
            phase: 'error',
            message: `${run.errorMessage ?? 'The export failed.'} Nothing was left behind.`,
          });
        else if (run.status === 'completed')
          show({ phase: 'done', result: await api.call('library.exportResult', { runId }) });
      });
    const fail = (error: unknown) => show({ phase: 'error', message: messageOf(error) });
    const stopProgress = api.on('runs.progress', (update) => {
      if (current.live && update.runId === runId)
        setState({ phase: 'running', runId, progress: update });
    });
    const stopChanged = api.on('runs.changed', (change) => {
      if (change.runId === runId) settle().catch(fail);
    });
    // A small export can end before these listeners were in place.
    settle().catch(fail);
    return () => {
      current.live = false;
      stopProgress();
      stopChanged();
    };
  }, [api, runId]);

  const start = useCallback(
    (request: BulkExportRequest) => {
      setState({ phase: 'running', runId: '', progress: null });
      api.call('library.export', request).then(
        ({ runId: started }) => setState({ phase: 'running', runId: started, progress: null }),
        (error: unknown) => setState({ phase: 'error', message: messageOf(error) }),
      );
    },
    [api],
  );
  const cancel = useCallback(() => {
    if (runId) void api.call('runs.cancel', { id: runId }).catch(() => undefined);
  }, [api, runId]);
  const reset = useCallback(() => setState({ phase: 'idle' }), []);
  return { state, start, cancel, reset };
}
