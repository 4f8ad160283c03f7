import { useRef, useState, type DragEvent } from 'react';
import { useApi } from '../../api/context';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';

interface ImportOutcome {
  name: string;
  state: 'importing' | 'imported' | 'already' | 'refused';
  message?: string;
}

/**
 * Import by button or by dropping one or many files anywhere on the list. Each file is imported on
 * its own and shows its own outcome, so one refused file never hides the others.
 */
export function ImportDrop({ children }: { children: React.ReactNode }) {
  const api = useApi();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [outcomes, setOutcomes] = useState<ImportOutcome[]>([]);

  const importFiles = async (files: readonly File[]) => {
    setOutcomes(files.map((file) => ({ name: file.name, state: 'importing' })));
    const update = (index: number, outcome: ImportOutcome) =>
      setOutcomes((current) => current.map((o, i) => (i === index ? outcome : o)));
    // One at a time: each copy is hashed and fsynced; in parallel they would only compete for the disk.
    for (const [index, file] of files.entries()) {
      try {
        const result = await api.importFile(file);
        // Dropping a recording means "make its note": processing starts at once (queued).
        await api.call('pipeline.process', { sessionId: result.sessionId });
        update(index, { name: file.name, state: result.alreadyImported ? 'already' : 'imported' });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        update(index, { name: file.name, state: 'refused', message });
      }
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void importFiles([...event.dataTransfer.files]);
  };

  return (
    <div
      className={`drop-zone${dragging ? ' dragging' : ''}`}
      data-testid="drop-zone"
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <div className="toolbar">
        <Button variant="primary" onClick={() => input.current?.click()}>
          Import recordings…
        </Button>
        <span className="muted">or drop files here</span>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          aria-label="Recordings to import"
          accept=".wav,.mp3,.m4a,.aac,.mp4,.mov,.ogg,.opus,.flac,.webm"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            if (files.length > 0) void importFiles(files);
          }}
        />
      </div>
      {outcomes.length > 0 && (
        <ul className="import-outcomes" aria-live="polite" data-testid="import-outcomes">
          {outcomes.map((outcome, i) => (
            <li key={`${outcome.name}-${i}`} className={`import-${outcome.state}`}>
              <strong>{outcome.name}</strong> <OutcomeWords outcome={outcome} />
            </li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}

/** Each file's outcome in words, its badge's tone for the eye; a refusal says why, read out at once. */
function OutcomeWords({ outcome }: { outcome: ImportOutcome }) {
  switch (outcome.state) {
    case 'importing':
      return <Badge>importing…</Badge>;
    case 'imported':
      return <Badge tone="success">imported, processing</Badge>;
    case 'already':
      return <Badge>already in Cairn</Badge>;
    case 'refused':
      return (
        <>
          <Badge tone="danger">not imported</Badge>
          <span role="alert" className="error">
            {outcome.message}
          </span>
        </>
      );
  }
}
