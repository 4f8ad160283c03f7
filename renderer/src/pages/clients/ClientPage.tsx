import './clients.css';
import { Link, useParams } from 'react-router';
import type { SessionSummary } from '../../../../shared/api/schemas';
import { useQuery } from '../../api/use-query';
import { formatDuration } from '../../format';
import { RenameClient } from './RenameClient';
import { SessionsTimeline } from './SessionsTimeline';
import { QueryNotice } from '../../ui/QueryNotice';

const REFRESH_ON = ['clients.changed', 'sessions.changed', 'runs.changed'] as const;

/** One client: their name (renamed in place), their sessions over time as a chart and a list. */
export function ClientPage() {
  const { id = '' } = useParams();
  const state = useQuery(id, (api) => api.call('clients.get', { id }), REFRESH_ON);
  return (
    <section aria-labelledby="client-title" className="client-page">
      <p>
        <Link to="/clients">← Clients</Link>
      </p>
      <QueryNotice state={state} />
      {state.status === 'ready' && (
        <>
          <RenameClient client={state.data}>
            <h1 id="client-title">{state.data.name}</h1>
          </RenameClient>
          <dl className="facts">
            <dt>Sessions</dt>
            <dd data-testid="client-session-count">{state.data.sessionCount}</dd>
            <dt>First session</dt>
            <dd>{state.data.sessions[0]?.date ?? '—'}</dd>
            <dt>Last session</dt>
            <dd>{state.data.lastSessionDate ?? '—'}</dd>
            <dt>Open risk flags</dt>
            <dd>{state.data.openRiskFlags}</dd>
          </dl>
          <h2>Sessions over time</h2>
          {state.data.sessions.length === 0 ? (
            <div className="empty" data-testid="client-sessions-empty">
              <p>No sessions yet.</p>
              <p className="muted">
                Import a recording with this client’s name, or choose them on a session’s page.
              </p>
            </div>
          ) : (
            <>
              <SessionsTimeline sessions={state.data.sessions} />
              <ClientSessions sessions={state.data.sessions} />
            </>
          )}
        </>
      )}
    </section>
  );
}

function ClientSessions({ sessions }: { sessions: readonly SessionSummary[] }) {
  return (
    <table
      className="client-sessions"
      data-testid="client-sessions"
      aria-label="Sessions, oldest first"
    >
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Kind</th>
          <th scope="col">Duration</th>
          <th scope="col">Status</th>
          <th scope="col">Risk</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((session) => (
          <tr key={session.id} data-session-id={session.id}>
            <td>
              <Link to={`/sessions/${session.id}`}>{session.date}</Link>
            </td>
            <td>{session.kind}</td>
            <td className="number">{formatDuration(session.durationSec)}</td>
            <td>
              <span className={`status status-${session.status}`}>
                {session.status.replace('_', ' ')}
              </span>
            </td>
            <td>
              {session.openRiskFlags > 0 && (
                <span className="risk-badge">
                  {session.openRiskFlags} risk flag{session.openRiskFlags === 1 ? '' : 's'}
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
