import { useState } from 'react';
import { useLatestRun } from './use-latest-run';

/**
 * The session's processing in full: Process again, and what each stage did (the desk's header
 * shows the compact progress while a run goes).
 */
export function RunPanel({ sessionId }: { sessionId: string }) {
  const run = useLatestRun(sessionId);
  const [error, setError] = useState<string | null>(null);
  const latest = run.latest;
  return (
    <section aria-label="Processing">
      <h3>Processing</h3>
      <button
        type="button"
        className="btn btn-secondary btn-sm"
        data-testid="process-again"
        onClick={() => {
          setError(null);
          run
            .start()
            .catch((failure: unknown) =>
              setError(failure instanceof Error ? failure.message : String(failure)),
            );
        }}
        disabled={run.live}
      >
        {latest ? 'Process again' : 'Process'}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {latest && (
        <>
          <p data-testid="run-status">
            {RUN_WORDS[latest.status] ?? latest.status}
            {latest.errorMessage && `: ${latest.errorMessage}`}
          </p>
          <table className="stages">
            <tbody>
              {latest.stages.map((stage) => (
                <tr key={stage.stage} data-stage={stage.stage} data-status={stage.status}>
                  <td>{stage.stage}</td>
                  <td>{stage.status}</td>
                  <td>
                    {stage.durationMs === null ? '' : `${(stage.durationMs / 1000).toFixed(1)} s`}
                  </td>
                  <td className="muted">{stage.errorMessage ?? stage.skipReason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** The latest run's outcome as a sentence. */
const RUN_WORDS: Record<string, string> = {
  queued: 'Waiting to start',
  running: 'Processing now',
  awaiting_review: 'Processed: ready to review',
  completed: 'Processed',
  failed: 'Processing failed',
  cancelled: 'Processing was cancelled',
};
