import type { ModelDownloadProgress } from '../../../../shared/api/settings-schemas';

/** What both model tables know of a model to show its status, progress and actions. */
export interface DownloadableModel {
  sizeBytes: number;
  installed: boolean;
  inUse: boolean;
  downloading: boolean;
  partialBytes: number;
}

export function modelStatus(model: DownloadableModel): string {
  if (model.inUse) return model.installed ? 'In use' : 'In use, not installed';
  if (model.installed) return 'Installed';
  if (model.downloading) return 'Downloading';
  return model.partialBytes > 0 ? 'Partly downloaded' : '';
}

/** The progress bar and percent of a running download. */
export function DownloadProgress({
  model,
  title,
  progress,
}: {
  model: DownloadableModel;
  /** How the model is named to a screen reader ("Downloading <title>"). */
  title: string;
  progress: ModelDownloadProgress | undefined;
}) {
  const total = progress?.totalBytes ?? model.sizeBytes;
  const received = progress?.receivedBytes ?? model.partialBytes;
  const percent = total > 0 ? Math.min(100, (100 * received) / total) : 0;
  return (
    <>
      <progress max={100} value={percent} aria-label={`Downloading ${title}`} />
      <span className="numeric">{percent.toFixed(0)}%</span>
    </>
  );
}

/** The progress cell is always there, so a starting download moves nothing. */
export function DownloadCell(props: Parameters<typeof DownloadProgress>[0]) {
  return (
    <td className="model-progress">{props.model.downloading && <DownloadProgress {...props} />}</td>
  );
}

/** Download (or Resume), Cancel, Use and Delete with an inline confirmation. */
export function ModelActionsCell({
  model,
  title,
  confirming,
  onDownload,
  onCancel,
  onDelete,
  onConfirmDelete,
  onUse,
}: {
  model: DownloadableModel;
  title: string;
  confirming: boolean;
  onDownload: () => void;
  onCancel: () => void;
  onDelete: () => void;
  onConfirmDelete: (confirmed: boolean) => void;
  onUse: () => void;
}) {
  const verb = model.partialBytes > 0 ? 'Resume' : 'Download';
  return (
    <td className="model-actions">
      {confirming ? (
        <span role="group" aria-label={`Delete ${title}?`}>
          Delete {title}?{' '}
          <button type="button" className="danger" onClick={() => onConfirmDelete(true)}>
            Delete
          </button>{' '}
          <button type="button" onClick={() => onConfirmDelete(false)} autoFocus>
            Keep
          </button>
        </span>
      ) : model.downloading ? (
        <button type="button" onClick={onCancel} aria-label={`Cancel download of ${title}`}>
          Cancel
        </button>
      ) : model.installed ? (
        !model.inUse && (
          <>
            <button type="button" onClick={onUse} aria-label={`Use ${title}`}>
              Use
            </button>{' '}
            <button type="button" onClick={onDelete} aria-label={`Delete ${title}`}>
              Delete
            </button>
          </>
        )
      ) : (
        // The accessible name starts with the visible word, so speech control finds "Resume".
        <button type="button" onClick={onDownload} aria-label={`${verb} ${title}`}>
          {verb}
        </button>
      )}
    </td>
  );
}
