import '../clients/clients.css';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/context';
import { errorMessage } from '../../api/error-message';
import { useQuery } from '../../api/use-query';

const REFRESH_ON = ['clients.changed'] as const;

/**
 * Whose session this is: assign it to a client, move it to another, or leave it unassigned. A
 * signed session keeps its client (the core refuses too), so the choice is shown but disabled.
 */
export function ClientSelector({
  sessionId,
  client,
  signed,
}: {
  sessionId: string;
  client: { id: string; name: string } | null;
  signed: boolean;
}) {
  const api = useApi();
  const clients = useQuery('clients', (a) => a.call('clients.list', {}), REFRESH_ON);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const options = clients.status === 'ready' ? clients.data : [];
  // The session's own client is always an option, also before the list has loaded.
  const withCurrent =
    client && !options.some((c) => c.id === client.id) ? [client, ...options] : options;

  const assign = (clientId: string | null) => {
    setSaving(true);
    setError(null);
    api
      .call('sessions.setClient', { sessionId, clientId })
      .catch((failure: unknown) => setError(errorMessage(failure)))
      .finally(() => setSaving(false));
  };

  return (
    <span className="client-selector">
      <select
        aria-label="Client of this session"
        data-testid="session-client"
        value={client?.id ?? ''}
        disabled={signed || saving}
        onChange={(event) => assign(event.target.value || null)}
      >
        <option value="">Unassigned</option>
        {withCurrent.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      {client && <Link to={`/clients/${client.id}`}>All their sessions</Link>}
      {signed ? (
        <span className="muted">Signed: the client stays as it was signed.</span>
      ) : (
        <Link to="/clients">New client…</Link>
      )}
      {clients.status === 'error' && (
        <span role="alert" className="error">
          The client list did not load: {clients.message}
        </span>
      )}
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </span>
  );
}
