import type { NotesModel } from '../../../../shared/api/notes-model-schemas';
import { useApi } from '../../api/context';
import { formatBytes } from '../../format';
import { Badge } from '../../ui/Badge';
import { Table } from '../../ui/Table';
import { DownloadProgress, ModelActionsCell, ModelStatusBadge } from './ModelRowCells';
import type { ModelDownloads } from './use-model-downloads';

/**
 * The notes models: what each needs (size on disk, memory) and its licence, the one recommended
 * for this computer marked; download with progress, cancel, delete after a confirmation, "Use".
 */
export function NotesModelTable({
  models,
  recommended,
  downloads,
  onUse,
}: {
  models: NotesModel[];
  recommended: string;
  downloads: ModelDownloads;
  onUse: (file: string) => Promise<boolean>;
}) {
  const api = useApi();
  const { progress, confirming, setConfirming, act } = downloads;
  return (
    <Table className="model-table notes-model-table" data-testid="notes-model-table">
      <caption className="visually-hidden">Notes models</caption>
      <thead>
        <tr>
          <th scope="col">Model</th>
          <th scope="col">Size</th>
          <th scope="col">Memory needed</th>
          <th scope="col">Licence</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {models.map((model) => {
          const { name } = model;
          return (
            <tr
              key={name}
              data-model={name}
              data-installed={model.installed}
              data-recommended={name === recommended}
            >
              <th scope="row">
                {model.label}
                {name === recommended && (
                  <Badge tone="success" className="recommended-badge">
                    Recommended for this computer
                  </Badge>
                )}
              </th>
              <td className="numeric">{formatBytes(model.sizeBytes)}</td>
              <td className="numeric">
                {model.ramBytes === null ? <Unknown /> : formatBytes(model.ramBytes)}
              </td>
              <td>{model.licence ?? <Unknown />}</td>
              {/* One cell for the status and a running download's bar: seven columns do not fit. */}
              <td className="model-progress">
                {model.downloading ? (
                  <DownloadProgress
                    model={model}
                    title={model.label}
                    progress={progress.get(name)}
                  />
                ) : (
                  <ModelStatusBadge model={model} />
                )}
              </td>
              <ModelActionsCell
                model={model}
                title={model.label}
                confirming={confirming === name}
                onDownload={() => act(name, api.call('notesModels.download', { name }))}
                onCancel={() => act(name, api.call('notesModels.cancelDownload', { name }))}
                onDelete={() => setConfirming(name)}
                onConfirmDelete={(confirmed) => {
                  setConfirming(null);
                  if (confirmed) act(name, api.call('notesModels.delete', { name }));
                }}
                onUse={() => act(name, onUse(model.file))}
              />
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

/** A file Cairn did not download: what it needs is not known. */
function Unknown() {
  return <span className="muted">Not known</span>;
}
