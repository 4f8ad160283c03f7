import { useState } from 'react';
import type { BackupResult } from '../../../../shared/api/data-schemas';
import { useApi } from '../../api/context';
import { formatBytes } from '../../format';
import { messageOf } from './use-settings';
import { Button } from '../../ui/Button';

/** "Back up now": a checked, encrypted copy of the library in a new folder inside the one given. */
export function BackupForm() {
  const api = useApi();
  const [destination, setDestination] = useState('');
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<BackupResult | null>(null);
  const backUp = () => {
    setRunning(true);
    setError(null);
    setDone(null);
    api
      .call('library.backup', { destination: destination.trim() })
      .then(setDone, (failure: unknown) => setError(messageOf(failure)))
      .finally(() => setRunning(false));
  };
  return (
    <form
      className="field"
      onSubmit={(event) => {
        event.preventDefault();
        if (destination.trim() !== '' && !running) backUp();
      }}
    >
      <label htmlFor="backup-destination">Back up to</label>
      <div className="field-control">
        <input
          id="backup-destination"
          className="wide"
          value={destination}
          onChange={(event) => setDestination(event.target.value)}
          placeholder="/full/path/to/a/backup/folder"
          aria-describedby="backup-destination-hint"
          spellCheck={false}
        />
        <Button type="submit" disabled={running || destination.trim() === ''}>
          {running ? 'Backing up…' : 'Back up now'}
        </Button>
      </div>
      <p className="field-hint" id="backup-destination-hint">
        A folder outside the library, ideally on another disk. Cairn adds a dated cairn-backup
        folder there: the database stays encrypted with this library&apos;s key, and every file is
        checked. Restore with <code>cairn restore</code>.
      </p>
      <div aria-live="polite">
        {running && <p className="muted">Copying and checking… you can keep working.</p>}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {done && (
          <p data-testid="backup-done">
            Backed up {done.sessions} sessions ({done.files} files, {formatBytes(done.bytes)}) to{' '}
            <code>{done.folder}</code>.
          </p>
        )}
      </div>
    </form>
  );
}
