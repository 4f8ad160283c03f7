import { useEffect, useState } from 'react';
import type { RunProgress } from '../../../../shared/api/schemas';
import { useApi } from '../../api/context';
import { useQuery } from '../../api/use-query';
import { formatDuration } from '../../format';

const REFRESH_ON = ['runs.changed', 'sessions.changed'] as const;

/**
 * The session's pipeline: a Process button, live progress (stage, percent, time left) while a run
 * goes, and what each stage did.
 */
export function RunPanel({ sessionId }: { sessionId: string }) {
  const api = useApi();
  const runs = useQuery(sessionId, (client) => client.call('runs.list', { sessionId }), REFRESH_ON);
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(
    () =>
      api.on('runs.progress', (update) => {
        if (update.sessionId === sessionId) setProgress(update);
      }),
    [api, sessionId],
  );

  const latest = runs.status === 'ready' ? runs.data[0] : undefined;
  const live = latest?.status === 'queued' || latest?.status === 'running';
  const start = () => {
    setError(null);
    api
      .call('pipeline.process', { sessionId, waiting: true })
      .catch((failure: unknown) =>
        setError(failure instanceof Error ? failure.message : String(failure)),
      );
  };

  return (
    <section aria-label="Processing">
      <h2>Processing</h2>
      <button type="button" data-testid="process" onClick={start} disabled={live}>
        {latest ? 'Process again' : 'Process'}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {live && progress && (
        <div data-testid="run-progress">
          <progress max={100} value={progress.percent} /> {progress.percent.toFixed(0)}% ·{' '}
          {progress.message}
          {progress.etaSec !== null && ` · ${formatDuration(progress.etaSec)} left`}
        </div>
      )}
      {latest && (
        <>
          <p data-testid="run-status">
            Run {latest.status}
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
