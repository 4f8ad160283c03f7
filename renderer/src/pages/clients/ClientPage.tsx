import './clients.css';
import { Link, useParams } from 'react-router';
import type { SessionSummary } from '../../../../shared/api/schemas';
import { useQuery } from '../../api/use-query';
import { formatDuration } from '../../format';
import { Badge } from '../../ui/Badge';
import { EmptyState } from '../../ui/EmptyState';
import { QueryNotice } from '../../ui/QueryNotice';
import { sessionStatusWords } from '../../ui/status-words';
import { Table } from '../../ui/Table';
import { PrepareBriefForm } from '../brief/PrepareBriefForm';
import { CouplesPanel } from '../couples/CouplesPanel';
import { GroupSummariesSection } from '../group/GroupSummariesSection';
import { PlanPanel } from '../plan/PlanPanel';
import { RenameClient } from './RenameClient';
import { SessionsTimeline } from './SessionsTimeline';

const REFRESH_ON = ['clients.changed', 'sessions.changed', 'runs.changed'] as const;

/** One client: their name (renamed in place), their sessions over time as a chart and a list. */
export function ClientPage() {
  const { id = '' } = useParams();
  const state = useQuery(id, (api) => api.call('clients.get', { id }), REFRESH_ON);
  return (
    <section aria-labelledby="client-title" className="client-page">
      <Link to="/clients" className="back-link">
        ← Clients
      </Link>
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
          <PrepareBriefForm clientId={state.data.id} />
          <CouplesPanel clientId={state.data.id} />
          <GroupSummariesSection clientId={state.data.id} />
          <h2>Sessions over time</h2>
          {state.data.sessions.length === 0 ? (
            <EmptyState title="No sessions yet." testId="client-sessions-empty">
              Import a recording with this client’s name, or choose them on a session’s page.
            </EmptyState>
          ) : (
            <>
              <SessionsTimeline sessions={state.data.sessions} />
              <ClientSessions sessions={state.data.sessions} />
            </>
          )}
          <PlanPanel clientId={state.data.id} sessions={state.data.sessions} />
        </>
      )}
    </section>
  );
}

function ClientSessions({ sessions }: { sessions: readonly SessionSummary[] }) {
  return (
    <Table
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
        </tr>
      </thead>
      <tbody>
        {sessions.map((session) => (
          <ClientSessionRow key={session.id} session={session} />
        ))}
      </tbody>
    </Table>
  );
}

/** Open risk flags are in the status's words ("Needs your attention: 1 risk flag"), read first. */
function ClientSessionRow({ session }: { session: SessionSummary }) {
  const run = session.latestRun;
  const words = sessionStatusWords(
    session,
    run && { status: run.status, stage: run.currentStage },
    session.openRiskFlags,
  );
  return (
    <tr data-session-id={session.id}>
      <td>
        <Link to={`/sessions/${session.id}`}>{session.date}</Link>
      </td>
      <td className="session-kind">{session.kind}</td>
      <td className="num">{formatDuration(session.durationSec)}</td>
      <td>
        <Badge tone={words.tone}>{words.label}</Badge>
      </td>
    </tr>
  );
}
