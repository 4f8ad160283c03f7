import { useEffect, useState } from 'react';
import { ApiCallError } from '../../../../shared/api/envelope';
import type { ModelDownloadProgress, WhisperModel } from '../../../../shared/api/settings-schemas';
import { useApi } from '../../api/context';
import { useQuery } from '../../api/use-query';
import { formatBytes } from '../../format';
import { messageOf } from './use-settings';

const REFRESH_ON = ['models.changed'] as const;

/**
 * The Whisper models: size, installed, in use; download with a progress bar (its cell is always
 * there, so a starting download moves nothing), cancel, delete after a confirmation, and "Use".
 */
export function ModelTable({ onUse }: { onUse: (name: string) => Promise<boolean> }) {
  const api = useApi();
  const listing = useQuery('models', (client) => client.call('models.list', {}), REFRESH_ON);
  const [progress, setProgress] = useState<ReadonlyMap<string, ModelDownloadProgress>>(new Map());
  const [problem, setProblem] = useState<{ name: string; message: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  useEffect(
    () =>
      api.on('models.downloadProgress', (update) =>
        setProgress((current) => new Map(current).set(update.name, update)),
      ),
    [api],
  );
  const act = (name: string, call: Promise<unknown>) => {
    setProblem(null);
    call.catch((error: unknown) => {
      // A cancel the user asked for is not a problem to report.
      if (error instanceof ApiCallError && error.error.code === 'cancelled') return;
      setProblem({ name, message: messageOf(error) });
    });
  };

  if (listing.status === 'loading') return <p className="muted">Loading models…</p>;
  if (listing.status === 'error')
    return (
      <p role="alert" className="error">
        {listing.message}
      </p>
    );
  return (
    <>
      <table className="model-table" data-testid="model-table">
        <caption className="visually-hidden">Whisper models</caption>
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Size</th>
            <th scope="col">Status</th>
            <th scope="col">Download</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {listing.data.models.map((model) => (
            <ModelRow
              key={model.name}
              model={model}
              progress={progress.get(model.name)}
              confirming={confirming === model.name}
              onDownload={() => act(model.name, api.call('models.download', { name: model.name }))}
              onCancel={() =>
                act(model.name, api.call('models.cancelDownload', { name: model.name }))
              }
              onDelete={() => setConfirming(model.name)}
              onConfirmDelete={(confirmed) => {
                setConfirming(null);
                if (confirmed) act(model.name, api.call('models.delete', { name: model.name }));
              }}
              onUse={() => act(model.name, onUse(model.name))}
            />
          ))}
        </tbody>
      </table>
      <p className="hint">
        Models are kept in <code>{listing.data.dir}</code>. They hold no session data.
      </p>
      {problem && (
        <p role="alert" className="error" data-testid="model-problem">
          {problem.name}: {problem.message}
        </p>
      )}
    </>
  );
}

function ModelRow({
  model,
  progress,
  confirming,
  onDownload,
  onCancel,
  onDelete,
  onConfirmDelete,
  onUse,
}: {
  model: WhisperModel;
  progress: ModelDownloadProgress | undefined;
  confirming: boolean;
  onDownload: () => void;
  onCancel: () => void;
  onDelete: () => void;
  onConfirmDelete: (confirmed: boolean) => void;
  onUse: () => void;
}) {
  const total = progress?.totalBytes ?? model.sizeBytes;
  const received = progress?.receivedBytes ?? model.partialBytes;
  const percent = total > 0 ? Math.min(100, (100 * received) / total) : 0;
  const status = model.inUse
    ? model.installed
      ? 'In use'
      : 'In use, not installed'
    : model.installed
      ? 'Installed'
      : model.downloading
        ? 'Downloading'
        : model.partialBytes > 0
          ? 'Partly downloaded'
          : '';
  return (
    <tr data-model={model.name} data-installed={model.installed}>
      <th scope="row">
        {model.name}
        {model.englishOnly && <span className="muted"> · English only</span>}
      </th>
      <td className="numeric">{formatBytes(model.sizeBytes)}</td>
      <td>{status}</td>
      <td className="model-progress">
        {model.downloading && (
          <>
            <progress max={100} value={percent} aria-label={`Downloading ${model.name}`} />
            <span className="numeric">{percent.toFixed(0)}%</span>
          </>
        )}
      </td>
      <td className="model-actions">
        {confirming ? (
          <span role="group" aria-label={`Delete ${model.name}?`}>
            Delete {model.name}?{' '}
            <button type="button" className="danger" onClick={() => onConfirmDelete(true)}>
              Delete
            </button>{' '}
            <button type="button" onClick={() => onConfirmDelete(false)} autoFocus>
              Keep
            </button>
          </span>
        ) : model.downloading ? (
          <button type="button" onClick={onCancel} aria-label={`Cancel download of ${model.name}`}>
            Cancel
          </button>
        ) : model.installed ? (
          <>
            {!model.inUse && (
              <button type="button" onClick={onUse} aria-label={`Use ${model.name}`}>
                Use
              </button>
            )}{' '}
            {!model.inUse && (
              <button type="button" onClick={onDelete} aria-label={`Delete ${model.name}`}>
                Delete
              </button>
            )}
          </>
        ) : (
          <button type="button" onClick={onDownload} aria-label={`Download ${model.name}`}>
            {model.partialBytes > 0 ? 'Resume' : 'Download'}
          </button>
        )}
      </td>
    </tr>
  );
}
