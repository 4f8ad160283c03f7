import { execFileSync, spawn } from 'node:child_process';
import { watchPeakRss } from '../helpers/process-tree';

export interface Measurement {
  wallMs: number;
  peakRssBytes: number;
}

/**
 * Runs a command to completion and times it. With `sampleMemory`, its process tree's memory is
 * sampled too; that costs CPU, so timed runs leave it off (it would slow a command using every core
 * more than a single-threaded one and bias the ratio).
 */
export function measure(
  command: string,
  args: string[],
  options: { sampleMemory?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<Measurement> {
  // Flush earlier runs' writes first, so one run's disk writeback does not slow the next.
  execFileSync('sync');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env: options.env });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const watch = options.sampleMemory ? watchPeakRss(child.pid ?? -1, 20) : undefined;
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      const peakRssBytes = watch?.stop() ?? 0;
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
