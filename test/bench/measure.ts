import { spawn } from 'node:child_process';
import { watchPeakRss } from '../helpers/process-tree';

export interface Measurement {
  wallMs: number;
  peakRssBytes: number;
}

/** Runs a command to completion, timing it and sampling its process tree's memory. */
export function measure(command: string, args: string[]): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const watch = watchPeakRss(child.pid ?? -1, 20);
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      const peakRssBytes = watch.stop();
      if (code === 0) resolve({ wallMs, peakRssBytes });
      else reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr}`));
    });
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
