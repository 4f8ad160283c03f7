import { type Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { diarizeWav } from '../../diarize/diarize';
import { formatRttm } from '../../diarize/evaluation/rttm';
import { withInterruptSignal } from '../interrupt';
import type { CommandContext } from '../main';
import { preparedAudio } from '../prepared-audio';
import { parseSpeakers } from './run-format';

interface DiarizeCliOptions {
  speakers: number | 'auto';
  rttm?: string;
  json?: boolean;
}

export function registerDiarizeCommand(program: Command, context: CommandContext): void {
  program
    .command('diarize')
    .description('find who spoke when, on this machine')
    .argument('<wav>', 'a 16 kHz mono WAV (other recordings are prepared first)')
    .option('--speakers <n|auto>', 'number of speakers, or auto (1–6)', parseSpeakers, 'auto')
    .option('--rttm <file>', 'write the turns as RTTM (file id: the recording’s base name)')
    .option('--json', 'print machine-readable JSON')
    .action(async (input: string, options: DiarizeCliOptions) => {
      const { turns, engine, segmentation } = await withInterruptSignal(async (signal) => {
        const prepared = await preparedAudio(input, signal, () => undefined);
        try {
          const found = await diarizeWav(prepared.wav, { speakers: options.speakers }, { signal });
          // Back to the original recording's time.
          return {
            engine: found.engine,
            segmentation: found.segmentation,
            turns: found.turns.map((t) => ({
              ...t,
              start: t.start + prepared.offsetSec,
              end: t.end + prepared.offsetSec,
            })),
          };
        } finally {
          await prepared.cleanup();
        }
      });
      if (options.rttm) await writeFile(options.rttm, formatRttm(path.parse(input).name, turns));
      const speakers = [...new Set(turns.map((t) => t.speaker))].sort();
      if (options.json) context.io.out(JSON.stringify({ engine, segmentation, speakers, turns }));
      else
        context.io.out(
          `${speakers.length} speaker${speakers.length === 1 ? '' : 's'}, ${turns.length} turns (${engine} engine)${options.rttm ? ` → ${options.rttm}` : ''}`,
        );
    });
}
