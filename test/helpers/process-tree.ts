import { readdirSync, readFileSync } from 'node:fs';

/** Resident memory (bytes) of a process and all its descendants, summed, from Linux's /proc. */
export function treeRssBytes(rootPid: number): number {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the parenthesised command name: state ppid … ; rss is field 24 (in pages).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(pid, Number(fields[1]));
      rss.set(pid, Number(fields[21]) * 4096);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  for (const [pid, bytes] of rss) {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parents.get(p)) {
      if (p === rootPid) {
        total += bytes;
        break;
      }
    }
  }
  return total;
}

/** Samples treeRssBytes every `everyMs` until stopped; returns the peak seen. */
export function watchPeakRss(rootPid: number, everyMs = 25): { stop: () => number } {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRssBytes(rootPid));
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

/** Live processes whose command line mentions `needle` (e.g. a temp folder only our ffmpegs use). */
export function processesMentioning(needle: string): number[] {
  return readdirSync('/proc')
    .map(Number)
    .filter((pid) => Number.isInteger(pid))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(needle);
      } catch {
        return false;
      }
    });
}

/** Processes whose command line mentions `needle` and runs `program` (e.g. whisper-cli). */
export function processesRunning(program: string, needle: string): number[] {
  return processesMentioning(needle).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0]?.includes(program);
    } catch {
      return false;
    }
  });
}
