import type { RunProgress } from '../../../shared/api/schemas';
import { stageWords } from '../../../shared/domain/stage-words';

const BAR = 24;

/** "1:05:09" / "3:07" */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/**
 * Progress on the terminal: a redrawn bar with stage and ETA on a TTY, one line per stage
 * otherwise (logs stay readable). Always stderr: stdout is the command's answer.
 */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr) {
  let lastStage: string | null = null;
  let drawn = false;
  return {
    update(progress: Pick<RunProgress, 'stage' | 'percent' | 'message' | 'etaSec'>) {
      const eta = progress.etaSec === null ? '' : ` · ${clock(progress.etaSec)} left`;
      const percent = progress.percent.toFixed(0).padStart(3);
      if (stream.isTTY) {
        const filled = Math.round((progress.percent / 100) * BAR);
        const line = `[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${percent}% ${stageWords(progress.message)}${eta}`;
        stream.write(`\r\x1b[K${line.slice(0, (stream.columns || 100) - 1)}`);
        drawn = true;
      } else if (progress.stage !== lastStage) {
        // One line per stage: the stage's name (scripts grep it), its words and the time left.
        const stage = progress.stage ? `${progress.stage} (${stageWords(progress.stage)})` : '';
        stream.write(`${percent}% ${stage}${eta}\n`);
      }
      lastStage = progress.stage;
    },
    /** Clears the bar before the answer is printed. */
    done() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
