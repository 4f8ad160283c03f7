import { CancelledError } from '../../errors';
import { namesSaidIn } from '../../sync/abstract/session-facts';
import { scrubTexts, type ScrubNames } from './scrub-text';

/** One record's free texts, and the names the library holds for it. */
export interface DeidentifyItem {
  texts: string[];
  names: ScrubNames;
}

/**
 * Runs in a worker thread: the de-identifier reads a 60-minute transcript in a second or two, so
 * a library's worth on the main process would freeze the desk. For each record: the names said in
 * it are learnt first (as the S3 abstracts do), then every text is scrubbed with them.
 */
export function deidentifyExportTask(
  request: { items: DeidentifyItem[] },
  context: { signal: AbortSignal; progress: (done: number) => void },
): Promise<string[][]> {
  return new Promise((resolve) => {
    const out: string[][] = [];
    for (const item of request.items) {
      if (context.signal.aborted) throw new CancelledError();
      const knownNames = namesSaidIn(item.texts, item.names.knownNames);
      out.push(scrubTexts(item.texts, { ...item.names, knownNames }));
      context.progress(out.length);
    }
    resolve(out);
  });
}
