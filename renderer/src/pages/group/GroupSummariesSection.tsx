import './group.css';
import { useApi } from '../../api/context';
import { useQuery } from '../../api/use-query';
import { QueryNotice } from '../../ui/QueryNotice';
import { ParticipantSummaryCard } from './ParticipantSummaryCard';

const REFRESH_ON = ['clients.changed', 'sessions.changed', 'runs.changed'] as const;

/** On a client's page: their summaries of group and family sessions, theirs only. */
export function GroupSummariesSection({ clientId }: { clientId: string }) {
  const api = useApi();
  const state = useQuery(
    `${clientId}:group-summaries`,
    (client) => client.call('group.summariesOfClient', { clientId }),
    REFRESH_ON,
  );
  if (state.status === 'ready' && state.data.length === 0) return null;
  return (
    <section aria-labelledby="group-summaries-title" className="group-summaries">
      <h2 id="group-summaries-title">Group and family sessions</h2>
      <QueryNotice state={state} />
      {state.status === 'ready' &&
        state.data.map((summary) => (
          <ParticipantSummaryCard
            key={summary.id}
            summary={summary}
            heading={`${summary.sessionKind === 'family' ? 'Family' : 'Group'} session, ${summary.sessionDate}`}
            onApprove={() => void api.call('group.approveSummary', { id: summary.id })}
          />
        ))}
    </section>
  );
}
