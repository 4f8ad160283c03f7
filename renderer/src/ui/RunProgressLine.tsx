import type { RunProgress } from '../../../shared/api/schemas';
import { formatDuration } from '../format';
import { stageWords } from './status-words';

/**
 * A workflow run's progress as one calm line: the stage in words, the percent and the time left
 * (from this machine's past runs of the same type). A live region, so a screen reader hears it.
 */
export function RunProgressLine({
  label,
  progress,
}: {
  /** What the run does, for the bar's accessible name: "Preparing the brief". */
  label: string;
  progress: Pick<RunProgress, 'stage' | 'message' | 'percent' | 'etaSec'> | null;
}) {
  const eta = progress?.etaSec != null ? ` · ${formatDuration(progress.etaSec)} left` : '';
  return (
    <p role="status" className="run-progress">
      <progress max={100} value={progress?.percent ?? 0} aria-label={label} />{' '}
      {progress
        ? `${stageWords(progress.stage ?? progress.message)} · ${progress.percent.toFixed(0)}%${eta}`
        : 'Waiting to start'}
    </p>
  );
}
