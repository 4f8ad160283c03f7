import './clients.css';
import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { ClientSummary } from '../../../../shared/api/schemas';
import { useQuery } from '../../api/use-query';
import { Badge } from '../../ui/Badge';
import { EmptyState } from '../../ui/EmptyState';
import { riskFlagWords } from '../../ui/status-words';
import { Table } from '../../ui/Table';
import { CreateClientForm } from './CreateClientForm';
import { RenameClient } from './RenameClient';
import { firstDirection, visibleClients, type ClientSort, type ClientSortKey } from './client-list';

// Session counts, last dates and risk move with sessions and runs, names with clients.
const REFRESH_ON = ['clients.changed', 'sessions.changed', 'runs.changed'] as const;

const COLUMNS: { key: ClientSortKey; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'sessions', label: 'Sessions' },
  { key: 'lastSession', label: 'Last session' },
  { key: 'risk', label: 'Open risk flags' },
];

export function ClientsPage() {
  const state = useQuery('clients', (api) => api.call('clients.list', {}), REFRESH_ON);
  const filterId = useId();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<ClientSort>({ key: 'name', descending: false });
  const clients = useMemo(() => (state.status === 'ready' ? state.data : []), [state]);
  const shown = useMemo(() => visibleClients(clients, query, sort), [clients, query, sort]);
  const sortBy = (key: ClientSortKey) =>
    setSort((current) => ({
      key,
      descending: current.key === key ? !current.descending : firstDirection(key),
    }));

  return (
    <section aria-labelledby="clients-title" className="clients-page">
      <h1 id="clients-title">Clients</h1>
      <CreateClientForm />
      {state.status === 'loading' && <p className="muted">Loading clients…</p>}
      {state.status === 'error' && (
        <p role="alert" className="error">
          {state.message} Reload the page to try again.
        </p>
      )}
      {state.status === 'ready' && clients.length === 0 && (
        <EmptyState title="No clients yet." testId="clients-empty">
          Add one above, or give a client’s name when you import a recording.
        </EmptyState>
      )}
      {state.status === 'ready' && clients.length > 0 && (
        <>
          <div className="filters" role="search" aria-label="Filter clients">
            <label htmlFor={filterId} className="field-inline">
              Find by name
              <input
                id={filterId}
                type="search"
                value={query}
                onChange={(event) => setQuery(event.target.value)}
              />
            </label>
            <span className="muted filter-count" aria-live="polite">
              {shown.length} of {clients.length}
            </span>
          </div>
          <Table className="clients-table" data-testid="clients-table">
            <thead>
              <tr>
                {COLUMNS.map((column) => (
                  <th
                    key={column.key}
                    scope="col"
                    aria-sort={
                      sort.key === column.key
                        ? sort.descending
                          ? 'descending'
                          : 'ascending'
                        : undefined
                    }
                  >
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => sortBy(column.key)}
                    >
                      {column.label}
                      {sort.key === column.key ? (sort.descending ? ' ↓' : ' ↑') : ''}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((client) => (
                <ClientRow key={client.id} client={client} />
              ))}
            </tbody>
          </Table>
          {shown.length === 0 && (
            <p className="muted">No client’s name contains “{query.trim()}”. Clear the search.</p>
          )}
        </>
      )}
    </section>
  );
}

function ClientRow({ client }: { client: ClientSummary }) {
  return (
    <tr data-client-id={client.id}>
      <td>
        <RenameClient client={client}>
          <Link to={`/clients/${client.id}`}>{client.name}</Link>
        </RenameClient>
      </td>
      <td className="num">{client.sessionCount}</td>
      <td className="num">{client.lastSessionDate ?? <span className="muted">None yet</span>}</td>
      <td>
        {client.openRiskFlags > 0 && (
          <Badge tone="warning">{riskFlagWords(client.openRiskFlags)}</Badge>
        )}
      </td>
    </tr>
  );
}
