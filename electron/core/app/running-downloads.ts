/** One model download the API runs: what to fetch, and where its progress and changes go. */
export interface DownloadJob {
  /** Catalogue size, for the first progress report (before the server has said anything). */
  sizeBytes: number;
  /** Bytes of a partial download already on disk, which the download will resume from. */
  resumeFrom: () => Promise<number>;
  download: (
    signal: AbortSignal,
    onProgress: (receivedBytes: number, totalBytes: number | undefined) => void,
  ) => Promise<unknown>;
  progress: (receivedBytes: number, totalBytes: number | null) => void;
  /** Started, finished, failed or cancelled: the listing the page shows changed. */
  changed: () => void;
}

interface Running {
  controller: AbortController;
  done: Promise<void>;
}

/** Progress is sent about every half percent: enough for a smooth bar, not an event per chunk. */
const PROGRESS_STEPS = 200;
const MIN_PROGRESS_STEP_BYTES = 256 * 1024;

/**
 * The model downloads running for the API (Whisper and notes models alike): one per name, so
 * asking again joins the running one, each cancellable, and all stopped when the core closes.
 */
export class RunningDownloads {
  private readonly running = new Map<string, Running>();

  constructor(closing: AbortSignal) {
    // A download must not hold up quitting; its partial stays to resume.
    closing.addEventListener('abort', () => {
      for (const download of this.running.values()) download.controller.abort();
    });
  }

  has(name: string): boolean {
    return this.running.has(name);
  }

  /** Starts the download of `name`, or joins the one running; settles when it is done. */
  join(name: string, job: DownloadJob): Promise<void> {
    let download = this.running.get(name);
    if (!download) {
      download = this.start(name, job);
      this.running.set(name, download);
      job.changed();
    }
    return download.done;
  }

  /** Stops the download of `name` and waits until it has; false when none was running. */
  async cancel(name: string): Promise<boolean> {
    const download = this.running.get(name);
    if (!download) return false;
    download.controller.abort();
    await download.done.catch(() => undefined);
    return true;
  }

  private start(name: string, job: DownloadJob): Running {
    const controller = new AbortController();
    let lastSent = -Infinity;
    const report = (receivedBytes: number, totalBytes: number | undefined) => {
      const step = Math.max(MIN_PROGRESS_STEP_BYTES, (totalBytes ?? 0) / PROGRESS_STEPS);
      if (receivedBytes - lastSent < step && receivedBytes !== totalBytes) return;
      lastSent = receivedBytes;
      job.progress(receivedBytes, totalBytes ?? null);
    };
    const done = job
      .resumeFrom()
      .then((resumeFrom) => {
        report(resumeFrom, job.sizeBytes);
        return job.download(controller.signal, report);
      })
      .then(() => undefined)
      .finally(() => {
        this.running.delete(name);
        job.changed();
      });
    // Whoever awaits `done` sees a failure; this keeps an unawaited one from being "unhandled".
    done.catch(() => undefined);
    return { controller, done };
  }
}
