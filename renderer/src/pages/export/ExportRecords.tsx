import { useState } from 'react';
import type { BulkExportFormat } from '../../../../shared/api/bulk-export-schemas';
import { useQuery } from '../../api/use-query';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { RunProgressLine } from '../../ui/RunProgressLine';
import { Select } from '../../ui/Select';
import { useBulkExport, type BulkExportState } from './use-bulk-export';
import './export.css';

const CLIENT_EVENTS = ['clients.changed'] as const;

const FORMATS: { value: BulkExportFormat; label: string; hint: string }[] = [
  { value: 'json', label: 'JSON', hint: 'one file per session: note, transcript, speakers' },
  { value: 'csv', label: 'CSV', hint: 'tables of sessions, notes and goals for a spreadsheet' },
];

/**
 * "Export records…": the library or one client's records to a new folder, as JSON and CSV with
 * a manifest of hashes. Pseudonymised unless names are asked for, with a warning when they are.
 */
export function ExportRecords() {
  const [open, setOpen] = useState(false);
  // Kept here, not in the form: a refused export brings the form back as the user left it.
  const [draft, setDraft] = useState<ExportDraft>(EMPTY_DRAFT);
  const exporting = useBulkExport();
  const close = () => {
    setOpen(false);
    // A finished export's folder is taken: the next one starts with the folder to choose.
    if (exporting.state.phase === 'done') setDraft({ ...draft, target: '' });
    if (exporting.state.phase !== 'running') exporting.reset();
  };
  return (
    <>
      <h3>Export records</h3>
      <p className="field-hint">
        Copy sessions, notes, transcripts and plans out of Cairn as JSON and CSV files, for your
        records or another system.
      </p>
      <Button onClick={() => setOpen(true)} data-testid="export-records">
        Export records…
      </Button>
      <Dialog open={open} onClose={close} title="Export records" className="export-dialog">
        {exporting.state.phase === 'idle' || exporting.state.phase === 'error' ? (
          <ExportForm
            draft={draft}
            onChange={setDraft}
            error={exporting.state.phase === 'error' ? exporting.state.message : null}
            onExport={exporting.start}
            onCancel={close}
          />
        ) : (
          <ExportProgress state={exporting.state} onCancel={exporting.cancel} onClose={close} />
        )}
      </Dialog>
    </>
  );
}

interface ExportDraft {
  scope: 'library' | 'client';
  clientId: string;
  formats: BulkExportFormat[];
  identifiers: boolean;
  target: string;
}

const EMPTY_DRAFT: ExportDraft = {
  scope: 'library',
  clientId: '',
  formats: ['json', 'csv'],
  identifiers: false,
  target: '',
};

function ExportForm({
  draft,
  onChange,
  error,
  onExport,
  onCancel,
}: {
  draft: ExportDraft;
  onChange: (draft: ExportDraft) => void;
  error: string | null;
  onExport: ReturnType<typeof useBulkExport>['start'];
  onCancel: () => void;
}) {
  const clients = useQuery('export-clients', (api) => api.call('clients.list', {}), CLIENT_EVENTS);
  const { scope, clientId, formats, identifiers, target } = draft;
  const set = (change: Partial<ExportDraft>) => onChange({ ...draft, ...change });
  const list = clients.status === 'ready' ? clients.data : [];
  const chosenClient = (clientId !== '' ? clientId : list[0]?.id) ?? '';
  const ready =
    formats.length > 0 && target.trim() !== '' && (scope === 'library' || chosenClient !== '');
  const toggle = (format: BulkExportFormat, on: boolean) =>
    set({ formats: on ? [...formats, format] : formats.filter((f) => f !== format) });

  return (
    <form
      className="export-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!ready) return;
        onExport({
          scope:
            scope === 'library' ? { kind: 'library' } : { kind: 'client', clientId: chosenClient },
          target: target.trim(),
          formats,
          identifiers,
        });
      }}
    >
      <fieldset>
        <legend>What to export</legend>
        <label>
          <input
            type="radio"
            name="export-scope"
            checked={scope === 'library'}
            onChange={() => set({ scope: 'library' })}
          />{' '}
          The whole library
        </label>
        <label>
          <input
            type="radio"
            name="export-scope"
            checked={scope === 'client'}
            onChange={() => set({ scope: 'client' })}
            disabled={list.length === 0}
          />{' '}
          One client
        </label>
        {scope === 'client' && (
          <Select
            aria-label="Client"
            value={chosenClient}
            onChange={(event) => set({ clientId: event.target.value })}
            options={list.map((c) => ({ value: c.id, label: c.name }))}
          />
        )}
      </fieldset>
      <fieldset>
        <legend>Formats</legend>
        {FORMATS.map((format) => (
          <label key={format.value}>
            <input
              type="checkbox"
              checked={formats.includes(format.value)}
              onChange={(event) => toggle(format.value, event.target.checked)}
            />{' '}
            {format.label} <span className="muted">({format.hint})</span>
          </label>
        ))}
      </fieldset>
      <label className="export-identifiers">
        <input
          type="checkbox"
          checked={identifiers}
          onChange={(event) => set({ identifiers: event.target.checked })}
          data-testid="export-identifiers"
        />{' '}
        Include names and identifiers
      </label>
      {identifiers ? (
        <Banner tone="warning" title="The files will name your clients">
          Names and Cairn&apos;s ids are written as they are, in files that are not encrypted. Keep
          the folder as safe as the library itself, and delete it when you no longer need it.
        </Banner>
      ) : (
        <p className="field-hint">
          Without names: clients and sessions get pseudonyms and names, places, dates and numbers in
          the text are replaced. Free text can still identify someone, so treat the files as
          confidential.
        </p>
      )}
      <div className="field">
        <label htmlFor="export-target">Export to</label>
        <input
          id="export-target"
          className="wide"
          value={target}
          onChange={(event) => set({ target: event.target.value })}
          placeholder="/full/path/to/a/new/folder"
          aria-describedby="export-target-hint"
          spellCheck={false}
        />
        <p className="field-hint" id="export-target-hint">
          A new or empty folder outside the library. It appears only when the export is complete.
        </p>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="export-actions">
        <Button type="submit" variant="primary" disabled={!ready}>
          {identifiers ? 'Export with names' : 'Export'}
        </Button>
        <Button onClick={onCancel}>Close</Button>
      </div>
    </form>
  );
}

function ExportProgress({
  state,
  onCancel,
  onClose,
}: {
  state: Exclude<BulkExportState, { phase: 'idle' } | { phase: 'error' }>;
  onCancel: () => void;
  onClose: () => void;
}) {
  if (state.phase === 'running')
    return (
      <div>
        <RunProgressLine label="Exporting records" progress={state.progress} />
        <p className="muted">
          You can keep working; the folder appears when the export is complete.
        </p>
        <div className="export-actions">
          <Button onClick={onCancel} disabled={state.runId === ''}>
            Cancel export
          </Button>
        </div>
      </div>
    );
  return (
    <div aria-live="polite">
      {state.phase === 'cancelled' ? (
        <p>Export cancelled. Nothing was written.</p>
      ) : (
        <DoneLine state={state} />
      )}
      <div className="export-actions">
        <Button variant="primary" onClick={onClose} autoFocus>
          Done
        </Button>
      </div>
    </div>
  );
}

function DoneLine({ state }: { state: Extract<BulkExportState, { phase: 'done' }> }) {
  const { manifest, folder } = state.result;
  if (!manifest || !folder) return <p>The export finished.</p>;
  const { counts } = manifest;
  return (
    <p data-testid="export-done">
      Exported {counts.sessions} sessions, {counts.notes} notes, {counts.clients} clients and{' '}
      {counts.goals} plan goals ({manifest.mode === 'identified' ? 'with names' : 'pseudonymised'})
      to <code>{folder}</code>. manifest.json lists every file with its SHA-256 hash.
    </p>
  );
}
