import type { ModelDownloadProgress } from '../../../../shared/api/settings-schemas';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import type { Tone } from '../../ui/status-words';

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

/** The status as a badge (nothing for a model simply not downloaded): in use is the one to see. */
export function ModelStatusBadge({ model }: { model: DownloadableModel }) {
  const text = modelStatus(model);
  if (text === '') return null;
  const tone: Tone =
    model.inUse && !model.installed
      ? 'warning'
      : model.inUse
        ? 'success'
        : model.downloading
          ? 'info'
          : 'neutral';
  return <Badge tone={tone}>{text}</Badge>;
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
          <Button variant="danger" size="sm" onClick={() => onConfirmDelete(true)}>
            Delete
          </Button>{' '}
          <Button size="sm" onClick={() => onConfirmDelete(false)} autoFocus>
            Keep
          </Button>
        </span>
      ) : model.downloading ? (
        <Button
          variant="ghost"
          size="sm"
          onClick={onCancel}
          aria-label={`Cancel download of ${title}`}
        >
          Cancel
        </Button>
      ) : model.installed ? (
        !model.inUse && (
          <>
            <Button size="sm" onClick={onUse} aria-label={`Use ${title}`}>
              Use
            </Button>{' '}
            <Button variant="ghost" size="sm" onClick={onDelete} aria-label={`Delete ${title}`}>
              Delete
            </Button>
          </>
        )
      ) : (
        // The accessible name starts with the visible word, so speech control finds "Resume".
        <Button size="sm" onClick={onDownload} aria-label={`${verb} ${title}`}>
          {verb}
        </Button>
      )}
    </td>
  );
}
