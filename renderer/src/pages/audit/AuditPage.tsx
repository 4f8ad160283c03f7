import { useEffect, useMemo, useState } from 'react';
import type { AuditPage as AuditPageData } from '../../../../shared/api/security-schemas';
import { useApi } from '../../api/context';
import { errorMessage } from '../../api/error-message';
import { AuditExport } from './AuditExport';
import { EMPTY_FILTER, ENTITY_TYPES, toAuditFilter, type AuditFilterForm } from './audit-filter';
import { Button } from '../../ui/Button';
import { Select } from '../../ui/Select';
import { Table } from '../../ui/Table';
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
      <p className="page-intro">
        Who opened, changed, exported, approved or deleted which record, by id only: no names and no
        session content, so the log can be shared.
      </p>
      <div className="filters" role="search" aria-label="Filter the audit log">
        <label className="field-inline">
          Record type
          <Select value={form.entityType} onChange={(e) => edit({ entityType: e.target.value })}>
            <option value="">Any</option>
            {ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </Select>
        </label>
        <label className="field-inline">
          Action
          <input
            type="search"
            value={form.action}
            placeholder="note.edited, or note."
            onChange={(e) => edit({ action: e.target.value })}
          />
        </label>
        <label className="field-inline">
          From
          <input type="date" value={form.from} onChange={(e) => edit({ from: e.target.value })} />
        </label>
        <label className="field-inline">
          To
          <input type="date" value={form.to} onChange={(e) => edit({ to: e.target.value })} />
        </label>
        <Button onClick={() => setReloads((n) => n + 1)}>Refresh</Button>
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
            <Table dense className="audit-table" data-testid="audit-table">
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
                    <td className="num audit-time">{new Date(entry.at).toLocaleString()}</td>
                    <td>{entry.actor}</td>
                    <td className="audit-action">{entry.action}</td>
                    <td>{entry.entityType}</td>
                    <td className="audit-id">{entry.entityId ?? ''}</td>
                    <td className="audit-detail">
                      {entry.detail ? JSON.stringify(entry.detail) : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          <nav className="audit-paging" aria-label="Audit log pages">
            <Button
              size="sm"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
            >
              Newer
            </Button>
            <Button
              size="sm"
              disabled={offset + PAGE_SIZE >= page.total}
              onClick={() => setOffset(offset + PAGE_SIZE)}
            >
              Older
            </Button>
          </nav>
        </>
      )}
      <h2>Export</h2>
      <AuditExport filter={filter} />
    </section>
  );
}
