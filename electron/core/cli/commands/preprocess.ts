import { InvalidArgumentError, type Command } from 'commander';
import { formatClock } from '../../audio/intake/validate-recording';
import { preprocessRecording } from '../../audio/preprocess/preprocess-recording';

import type { PreprocessResult } from '../../audio/preprocess/types';
import type { CommandContext } from '../main';
import { withInterruptSignal } from '../interrupt';

interface PreprocessCliOptions {
  normalize?: boolean;
  trimSilence?: boolean;
  threads?: number;
  acceptTruncated?: boolean;
  json?: boolean;
}

export function registerPreprocessCommand(program: Command, context: CommandContext): void {
  program
    .command('preprocess')
    .description(
      'validate a recording and convert it to the 16 kHz mono 16-bit WAV the engines read',
    )
    .argument('<in>', 'the recording')
    .argument('<out.wav>', 'where to write the prepared audio')
    .option('--normalize', 'bring speech to a steady level (one gain, peaks never clip)')
    .option('--trim-silence', 'drop leading and trailing silence (offsets are reported)')
    .option('--threads <n>', 'decoding processes at once (default: all cores)', parsePositiveInt)
    .option('--accept-truncated', 'process a recording that stops before its header says it should')
    .option('--json', 'print machine-readable JSON')
    .action(async (input: string, output: string, options: PreprocessCliOptions) => {
      const showProgress = !options.json && process.stderr.isTTY;
      const result = await withInterruptSignal((signal) =>
        preprocessRecording(
          input,
          output,
          {
            normalize: options.normalize,
            trimSilence: options.trimSilence,
            parallelism: options.threads,
          },
          {
            signal,
            validation: { allowTruncated: options.acceptTruncated },
            onProgress: showProgress
              ? (p) =>
                  process.stderr.write(
                    `\r${p.phase.padEnd(8)} ${p.percent.toFixed(0).padStart(3)}%`,
                  )
              : undefined,
          },
        ),
      );
      if (showProgress) process.stderr.write('\r\x1b[K');
      if (options.json) context.io.out(JSON.stringify(result));
      else context.io.out(describe(result));
      if (result.silent)
        context.io.err('Note: this recording contains no speech (it is silent throughout).');
    });
}

function describe(result: PreprocessResult): string {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const lines = [
    `Prepared ${result.output}: ${result.sampleRate / 1000} kHz mono 16-bit, ${formatClock(result.durationSec)} (original ${formatClock(result.originalDurationSec)})`,
  ];
  const trimmedEnd = result.originalDurationSec - result.offsets.endSec;
  if (result.offsets.startSec > 0 || trimmedEnd > 0) {
    lines.push(
      `Kept ${result.offsets.startSec.toFixed(2)}–${result.offsets.endSec.toFixed(2)} s of the original (trimmed ${result.offsets.startSec.toFixed(2)} s at the start, ${trimmedEnd.toFixed(2)} s at the end)`,
    );
  }
  if (result.gainDb !== 0)
    lines.push(`Gain ${result.gainDb > 0 ? '+' : ''}${result.gainDb.toFixed(1)} dB`);
  const t = result.timingsMs;
  lines.push(
    `${result.chunks} chunk${result.chunks === 1 ? '' : 's'} · decode ${seconds(t.decode)}, analyse ${seconds(t.analyse)}, write ${seconds(t.write)}, total ${seconds(t.total)}`,
  );
  return lines.join('\n');
}

function parsePositiveInt(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new InvalidArgumentError('must be a whole number, 1 or more.');
  return parsed;
}
