import { useEffect, useMemo, useState } from 'react';
import type { AuditPage as AuditPageData } from '../../../../shared/api/security-schemas';
import { useApi } from '../../api/context';
import { errorMessage } from '../../api/error-message';
import { AuditExport } from './AuditExport';
import { EMPTY_FILTER, ENTITY_TYPES, toAuditFilter, type AuditFilterForm } from './audit-filter';
import './audit.css';

const PAGE_SIZE = 50;

/** Who viewed, edited, exported, approved or deleted what, by id; paged, filtered, exportable. */
export function AuditPage() {
  const api = useApi();
  const [form, setForm] = useState<AuditFilterForm>(EMPTY_FILTER);
  const [offset, setOffset] = useState(0);
  const [reloads, setReloads] = useState(0);
  const [page, setPage] = useState<AuditPageData | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const filter = useMemo(() => toAuditFilter(form), [form]);

  useEffect(() => {
    let cancelled = false;
    api.call('audit.list', { ...filter, limit: PAGE_SIZE, offset }).then(
      (data) => {
        if (cancelled) return;
        setPage(data);
        setProblem(null);
      },
      (error: unknown) => {
        if (!cancelled) setProblem(errorMessage(error));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, filter, offset, reloads]);

  const edit = (change: Partial<AuditFilterForm>) => {
    setForm((current) => ({ ...current, ...change }));
    setOffset(0);
  };

  return (
    <section aria-labelledby="audit-title" className="audit-page">
      <h1 id="audit-title">Audit log</h1>
      <p className="muted">
        Who opened, changed, exported, approved or deleted which record, by id only: no names and no
        session content, so the log can be shared.
      </p>
      <div className="filters" role="search" aria-label="Filter the audit log">
        <label>
          Record type
          <select value={form.entityType} onChange={(e) => edit({ entityType: e.target.value })}>
            <option value="">Any</option>
            {ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </label>
        <label>
          Action
          <input
            type="search"
            value={form.action}
            placeholder="note.edited, or note."
            onChange={(e) => edit({ action: e.target.value })}
          />
        </label>
        <label>
          From
          <input type="date" value={form.from} onChange={(e) => edit({ from: e.target.value })} />
        </label>
        <label>
          To
          <input type="date" value={form.to} onChange={(e) => edit({ to: e.target.value })} />
        </label>
        <button type="button" onClick={() => setReloads((n) => n + 1)}>
          Refresh
        </button>
      </div>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {page && (
        <>
          <p className="muted" aria-live="polite" data-testid="audit-count">
            {page.total === 0
              ? 'No entries match.'
              : `Entries ${offset + 1}–${offset + page.entries.length} of ${page.total}, newest first.`}
          </p>
          {page.entries.length > 0 && (
            <table className="audit-table" data-testid="audit-table">
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">Record</th>
                  <th scope="col">Record id</th>
                  <th scope="col">Detail</th>
                </tr>
              </thead>
              <tbody>
                {page.entries.map((entry) => (
                  <tr key={entry.id} data-action={entry.action}>
                    <td>{new Date(entry.at).toLocaleString()}</td>
                    <td>{entry.actor}</td>
                    <td>{entry.action}</td>
                    <td>{entry.entityType}</td>
                    <td className="audit-id">{entry.entityId ?? ''}</td>
                    <td className="audit-detail">
                      {entry.detail ? JSON.stringify(entry.detail) : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <nav className="audit-paging" aria-label="Audit log pages">
            <button
              type="button"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
            >
              Newer
            </button>
            <button
              type="button"
              disabled={offset + PAGE_SIZE >= page.total}
              onClick={() => setOffset(offset + PAGE_SIZE)}
            >
              Older
            </button>
          </nav>
        </>
      )}
      <h2>Export</h2>
      <AuditExport filter={filter} />
    </section>
  );
}
