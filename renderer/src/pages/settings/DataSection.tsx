import { useState } from 'react';
import type { LibraryMoveResult } from '../../../../shared/api/settings-schemas';
import { useApi } from '../../api/context';
import { useQuery } from '../../api/use-query';
import { formatBytes } from '../../format';
import { BackupForm } from './BackupForm';
import { ExportRecords } from '../export/ExportRecords';
import { RetentionSettings } from './RetentionSettings';
import { messageOf, type Settings, type SettingValues } from './use-settings';
import { Button } from '../../ui/Button';

const NO_EVENTS = [] as const;

/**
 * Where the library lives, and moving it: Cairn copies and checks everything, then uses the new
 * folder from the next start; the old one stays until the clinician removes it. Then backups,
 * and the retention policy.
 */
export function DataSection({ settings, values }: { settings: Settings; values: SettingValues }) {
  const api = useApi();
  const [moves, setMoves] = useState(0);
  const location = useQuery(`location-${moves}`, (a) => a.call('library.location', {}), NO_EVENTS);
  const [target, setTarget] = useState('');
  const [moving, setMoving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [moved, setMoved] = useState<LibraryMoveResult | null>(null);
  const move = () => {
    setMoving(true);
    setError(null);
    setMoved(null);
    api
      .call('library.move', { target: target.trim() })
      .then(setMoved, (failure: unknown) => setError(messageOf(failure)))
      .finally(() => {
        setMoving(false);
        setMoves((n) => n + 1);
      });
  };

  return (
    <section aria-labelledby="data-title" className="settings-section">
      <h2 id="data-title">Data</h2>
      {location.status === 'error' && (
        <p role="alert" className="error">
          {location.message}
        </p>
      )}
      {location.status === 'ready' && (
        <dl className="facts">
          <dt>Library folder</dt>
          <dd>
            <code data-testid="data-dir">{location.data.dataDir}</code>
          </dd>
          {location.data.nextDataDir && (
            <>
              <dt>After a restart</dt>
              <dd>
                <code>{location.data.nextDataDir}</code>
              </dd>
            </>
          )}
        </dl>
      )}
      {location.status === 'ready' && !location.data.movable && (
        <p className="hint" data-testid="not-movable">
          This library was opened with --data-dir or CAIRN_DATA_DIR, so Cairn does not move it: move
          the folder with your file manager and point that option at the new place.
        </p>
      )}
      {location.status === 'ready' && location.data.movable && (
        <form
          className="field"
          onSubmit={(event) => {
            event.preventDefault();
            if (target.trim() !== '' && !moving) move();
          }}
        >
          <label htmlFor="library-target">Move the library to</label>
          <div className="field-control">
            <input
              id="library-target"
              className="wide"
              value={target}
              onChange={(event) => setTarget(event.target.value)}
              placeholder="/full/path/to/an/empty/folder"
              aria-describedby="library-target-hint"
              spellCheck={false}
            />
            <Button type="submit" disabled={moving || target.trim() === ''}>
              {moving ? 'Moving…' : 'Move'}
            </Button>
          </div>
          <p className="field-hint" id="library-target-hint">
            An empty or new folder (Cairn copies everything and checks each file), or a folder that
            already holds a Cairn library. Not possible while sessions are being processed.
          </p>
        </form>
      )}
      <div aria-live="polite" className="move-outcome">
        {moving && <p className="muted">Copying and checking the library… keep Cairn open.</p>}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {moved && (
          <p data-testid="move-done">
            {moved.outcome === 'copied'
              ? `Copied ${moved.sessions} sessions (${moved.files} files, ${formatBytes(moved.bytes)}) to ${moved.dataDir}.`
              : `${moved.dataDir} already holds a library with ${moved.sessions} sessions; Cairn will use it.`}{' '}
            <strong>Restart Cairn to use it.</strong> Changes made before restarting stay in the old
            folder ({moved.oldDataDir}), which is kept until you remove it.
          </p>
        )}
      </div>
      <BackupForm />
      <ExportRecords />
      <h3>Retention</h3>
      <RetentionSettings settings={settings} values={values} />
    </section>
  );
}
