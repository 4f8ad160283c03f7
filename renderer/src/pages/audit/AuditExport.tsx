import { useState, type SyntheticEvent } from 'react';
import type { AuditFilter } from '../../../../shared/api/security-schemas';
import { useApi } from '../../api/context';
import { errorMessage } from '../../api/error-message';
import { downloadText } from './audit-filter';
import { Button } from '../../ui/Button';
import { Select } from '../../ui/Select';

/** Exports what the filters match, as CSV or JSON Lines: to a path, or as a download. */
export function AuditExport({ filter }: { filter: AuditFilter }) {
  const api = useApi();
  const [format, setFormat] = useState<'csv' | 'jsonl'>('csv');
  const [target, setTarget] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setBusy(true);
    setOutcome(null);
    try {
      const path = target.trim() || undefined;
      const result = await api.call('audit.export', { ...filter, format, path });
      if (result.text !== null)
        downloadText(
          result.text,
          `cairn-audit-${new Date().toISOString().slice(0, 10)}.${format}`,
          format === 'csv' ? 'text/csv' : 'application/x-ndjson',
        );
      setOutcome({
        ok: true,
        text: `Exported ${result.rows} entries${result.path ? ` to ${result.path}` : ''}.`,
      });
    } catch (error) {
      setOutcome({ ok: false, text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="audit-export" onSubmit={(event) => void submit(event)} aria-label="Export">
      <label className="field-inline">
        Format
        <Select
          value={format}
          onChange={(event) => setFormat(event.target.value as 'csv' | 'jsonl')}
        >
          <option value="csv">CSV</option>
          <option value="jsonl">JSON Lines</option>
        </Select>
      </label>
      <label className="field-inline">
        Save to (optional)
        <input
          value={target}
          onChange={(event) => setTarget(event.target.value)}
          placeholder={`/full/path/audit.${format}`}
          spellCheck={false}
          aria-describedby="audit-export-hint"
        />
      </label>
      <Button type="submit" variant="primary" disabled={busy}>
        {busy ? 'Exporting…' : 'Export'}
      </Button>
      <p className="hint" id="audit-export-hint">
        Everything the filters match. Without a path it downloads. The export is recorded in the log
        too.
      </p>
      <div aria-live="polite">
        {outcome && (
          <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'muted' : 'error'}>
            {outcome.text}
          </p>
        )}
      </div>
    </form>
  );
}
