import { useState } from 'react';
import { Link } from 'react-router';
import type { SessionDetail } from '../../../../shared/api/schemas';
import { formatDuration } from '../../format';
import { sessionStatusWords, stageWords } from '../../ui/status-words';
import type { SidePanelKind } from './SidePanel';
import { useLatestRun } from './use-latest-run';

/**
 * Who and when, where the session stands in words, processing as one compact line while it runs
 * (the full stage table is in Details), the panels, and Approve & sign.
 */
export function DeskHeader({
  session,
  openFlags,
  panel,
  onPanel,
  onShortcuts,
  onApprove,
  approveError,
}: {
  session: SessionDetail;
  openFlags: number;
  panel: SidePanelKind | null;
  onPanel: (kind: SidePanelKind) => void;
  onShortcuts: () => void;
  onApprove: () => void;
  approveError: string | null;
}) {
  const run = useLatestRun(session.id);
  const [runError, setRunError] = useState<string | null>(null);
  const status = sessionStatusWords(
    session,
    run.latest ? { status: run.latest.status, stage: run.progress?.stage ?? null } : null,
    openFlags,
  );
  const signed = session.status === 'approved';
  const canProcess = !run.live && (run.latest === undefined || run.latest.status === 'failed');
  const panelButton = (kind: SidePanelKind, label: string) => (
    <button
      type="button"
      className="btn btn-ghost btn-sm"
      aria-expanded={panel === kind}
      aria-controls="desk-side-panel"
      onClick={() => onPanel(kind)}
    >
      {label}
    </button>
  );
  return (
    <header className="desk-header">
      <div className="desk-title">
        <Link to="/" className="desk-back">
          ← Sessions
        </Link>
        <h1>{session.clientName ?? 'Unassigned client'}</h1>
        <span className="muted">
          {session.date} · {session.kind} · {formatDuration(session.durationSec)}
        </span>
        <span className={`badge badge-${status.tone}`} data-testid="desk-status">
          {status.label}
        </span>
      </div>
      <div className="desk-actions">
        {run.live && (
          <div className="desk-progress" data-testid="run-progress" role="status">
            <progress max={100} value={run.progress?.percent ?? 0} aria-label="Processing" />
            <span>
              {run.progress
                ? `${stageWords(run.progress.message)} · ${run.progress.percent.toFixed(0)}%`
                : 'Starting…'}
              {run.progress?.etaSec != null && ` · ${formatDuration(run.progress.etaSec)} left`}
            </span>
          </div>
        )}
        {canProcess && (
          <button
            type="button"
            className="btn btn-secondary btn-sm"
            data-testid="process"
            onClick={() => {
              setRunError(null);
              run
                .start()
                .catch((failure: unknown) =>
                  setRunError(failure instanceof Error ? failure.message : String(failure)),
                );
            }}
          >
            {run.latest ? 'Process again' : 'Process'}
          </button>
        )}
        {panelButton('details', 'Details')}
        {panelButton('speakers', 'Speakers')}
        {(session.kind === 'group' || session.kind === 'family') &&
          panelButton('participants', 'Participants')}
        <button
          type="button"
          className="btn btn-ghost btn-sm"
          aria-keyshortcuts="?"
          onClick={onShortcuts}
        >
          Shortcuts
        </button>
        {signed ? (
          <>
            <span className="badge badge-success" data-testid="approved">
              Approved and signed.
            </span>
            {session.clientId && (
              // Signed notes feed the plan: propose its updates from this session on the client's page.
              <Link
                className="btn btn-secondary btn-sm"
                to={`/clients/${session.clientId}?planSession=${session.id}`}
              >
                Update the treatment plan
              </Link>
            )}
            {session.clientId && (
              <Link className="btn btn-secondary btn-sm" to={`/sessions/${session.id}/follow-up`}>
                Follow-up for the client
              </Link>
            )}
          </>
        ) : (
          <button
            type="button"
            className="btn btn-primary"
            data-testid="approve"
            aria-keyshortcuts="Control+Enter"
            disabled={openFlags > 0}
            title={openFlags > 0 ? 'Acknowledge every risk flag first' : 'Ctrl+Enter'}
            onClick={onApprove}
          >
            Approve &amp; sign
          </button>
        )}
      </div>
      {(runError ?? approveError) && (
        <p role="alert" className="error">
          {runError ?? approveError}
        </p>
      )}
      {!signed && openFlags > 0 && (
        <p className="muted desk-hint">
          Acknowledge {openFlags} risk flag{openFlags === 1 ? '' : 's'} before signing.
        </p>
      )}
    </header>
  );
}
