import type { EventName } from '../../../../shared/api/contract';
import { useQuery } from '../../api/use-query';

const REFRESH_ON: readonly EventName[] = ['sync.changed', 'sessions.changed'];

const LABELS = {
  not_queued: 'not shared',
  pending: 'waiting to upload',
  uploaded: 'abstract shared',
  blocked: 'blocked: identifiers remained, kept on this computer',
} as const;

/** Whether this session's de-identified abstract went to the practice's bucket; only when sharing is on. */
export function SharingStatus({ sessionId }: { sessionId: string }) {
  const state = useQuery(
    `${sessionId}:sync`,
    (api) => api.call('sync.status', { sessionId }),
    REFRESH_ON,
  );
  if (state.status !== 'ready' || !state.data.enabled || !state.data.session) return null;
  const session = state.data.session;
  return (
    <p className="muted" data-testid="session-sharing">
      Sharing (S3): {LABELS[session.status]}
      {session.status === 'blocked' && session.categories.length > 0
        ? ` (${session.categories.join(', ')})`
        : ''}
      {session.status === 'pending' && session.lastError ? `. ${session.lastError}` : ''}
    </p>
  );
}
