import { type Command } from 'commander';
import { resolveModelsDir } from '../../transcribe/models/model-store';
import { transcribeWav } from '../../transcribe/transcribe';
import type { Transcript } from '../../transcribe/types';
import { withInterruptSignal } from '../interrupt';
import { preparedAudio } from '../prepared-audio';
import type { CommandContext } from '../main';

interface TranscribeCliOptions {
  model: string;
  language: string;
  prompt?: string;
  threads?: number;
  json?: boolean;
}

export function registerTranscribeCommand(program: Command, context: CommandContext): void {
  program
    .command('transcribe')
    .description('transcribe a recording on this machine with whisper.cpp')
    .argument('<wav>', 'a 16 kHz mono WAV (other recordings are prepared first)')
    .option('--model <name|path>', 'an installed model or a model file', 'base')
    .option('--language <code>', "spoken language ('auto' to detect)", 'auto')
    .option('--prompt <text>', 'vocabulary hints: names, clinical terms')
    .option('--threads <n>', 'CPU threads (default: all cores)', (v) => Number.parseInt(v, 10))
    .option('--json', 'print machine-readable JSON')
    .action(async (input: string, options: TranscribeCliOptions) => {
      const showProgress = !options.json && process.stderr.isTTY;
      const report = (label: string, percent: number) => {
        if (showProgress) process.stderr.write(`\r${label} ${percent.toFixed(0).padStart(3)}%`);
      };
      const transcript = await withInterruptSignal(async (signal) => {
        const prepared = await preparedAudio(input, signal, (p) => report('preparing   ', p));
        try {
          return await transcribeWav(
            prepared.wav,
            {
              model: options.model,
              language: options.language,
              prompt: options.prompt,
              threads: options.threads,
              offsetSec: prepared.offsetSec,
              signal,
              onProgress: (p) => report('transcribing', p),
            },
            { modelsDir: resolveModelsDir(context.dataDir()) },
          );
        } finally {
          await prepared.cleanup();
        }
      });
      if (showProgress) process.stderr.write('\r\x1b[K');
      context.io.out(options.json ? JSON.stringify(transcript) : describe(transcript));
    });
}

function describe(transcript: Transcript): string {
  const clock = (s: number) =>
    `${String(Math.floor(s / 60)).padStart(2, '0')}:${(s % 60).toFixed(2).padStart(5, '0')}`;
  return transcript.segments
    .map((s) => `[${clock(s.start)} → ${clock(s.end)}] ${s.text}`)
    .join('\n');
}
