import type { ModelDownloadProgress, WhisperModel } from '../../../../shared/api/settings-schemas';
import { useApi } from '../../api/context';
import { useQuery } from '../../api/use-query';
import { formatBytes } from '../../format';
import { Badge } from '../../ui/Badge';
import { Banner } from '../../ui/Banner';
import { Table } from '../../ui/Table';
import { DownloadCell, ModelActionsCell, ModelStatusBadge } from './ModelRowCells';
import { useModelDownloads } from './use-model-downloads';

const REFRESH_ON = ['models.changed'] as const;

/**
 * The Whisper models: the one suggested for this computer, size, installed, in use; download with a progress bar (its cell is always
 * there, so a starting download moves nothing), cancel, delete after a confirmation, and "Use".
 */
export function ModelTable({
  language,
  onUse,
}: {
  /** The spoken-language setting: the suggestion follows it (an English practice gets `.en`). */
  language: string;
  onUse: (name: string) => Promise<boolean>;
}) {
  const api = useApi();
  const listing = useQuery(
    `models:${language}`,
    (client) => client.call('models.list', {}),
    REFRESH_ON,
  );
  const { progress, problem, confirming, setConfirming, act } =
    useModelDownloads('models.downloadProgress');

  if (listing.status === 'loading') return <p className="muted">Loading models…</p>;
  if (listing.status === 'error')
    return (
      <p role="alert" className="error">
        {listing.message}
      </p>
    );
  const { recommended } = listing.data;
  return (
    <>
      <Banner tone="info" role="note" data-testid="whisper-recommendation">
        <strong>Recommended for this computer:</strong> {recommended.reason}
      </Banner>
      <Table className="model-table" data-testid="model-table">
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
              recommended={model.name === recommended.name}
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
      </Table>
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
  recommended,
  progress,
  ...actions
}: {
  model: WhisperModel;
  recommended: boolean;
  progress: ModelDownloadProgress | undefined;
  confirming: boolean;
  onDownload: () => void;
  onCancel: () => void;
  onDelete: () => void;
  onConfirmDelete: (confirmed: boolean) => void;
  onUse: () => void;
}) {
  return (
    <tr data-model={model.name} data-installed={model.installed} data-recommended={recommended}>
      <th scope="row">
        {model.name}
        {model.englishOnly && <span className="muted"> · English only</span>}
        {recommended && (
          <Badge tone="success" className="recommended-badge">
            Recommended for this computer
          </Badge>
        )}
      </th>
      <td className="numeric">{formatBytes(model.sizeBytes)}</td>
      <td>
        <ModelStatusBadge model={model} />
      </td>
      <DownloadCell model={model} title={model.name} progress={progress} />
      <ModelActionsCell model={model} title={model.name} {...actions} />
    </tr>
  );
}
