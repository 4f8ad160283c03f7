import { execFile } from 'node:child_process';
import { z } from 'zod';
import { CancelledError } from '../../errors';
import { ffprobePath } from '../ffmpeg/binaries';

const Stream = z.object({
  index: z.number(),
  codec_type: z.string().optional(),
  codec_name: z.string().optional(),
  sample_rate: z.coerce.number().optional(),
  channels: z.number().optional(),
  duration: z.coerce.number().optional(),
  bit_rate: z.coerce.number().optional(),
  disposition: z.object({ attached_pic: z.number().optional() }).partial().optional(),
});

const ProbeOutput = z.object({
  streams: z.array(Stream).default([]),
  format: z
    .object({
      format_name: z.string().optional(),
      duration: z.coerce.number().optional(),
      bit_rate: z.coerce.number().optional(),
    })
    .default({}),
});

export interface ProbeResult {
  formatName: string;
  durationSec: number | undefined;
  /**
   * ffprobe guessed the duration from the bitrate (e.g. a VBR MP3 without a Xing header): it may be
   * off by many seconds, so nothing may be judged or planned from it.
   */
  durationEstimated: boolean;
  audio: { codec: string; sampleRate: number; channels: number } | undefined;
  /** A real picture track (cover art does not count). */
  hasVideo: boolean;
}

export type ProbeOutcome = { ok: true; probe: ProbeResult } | { ok: false; detail: string };

/** Asks ffprobe what a file holds. Never throws for bad files: an unreadable file is an outcome. */
export function probeMedia(file: string, signal?: AbortSignal): Promise<ProbeOutcome> {
  const args = [
    '-v',
    'warning',
    '-print_format',
    'json',
    '-show_format',
    '-show_streams',
    '--',
    file,
  ];
  return new Promise((resolve, reject) => {
    execFile(
      ffprobePath(),
      args,
      { timeout: 60_000, maxBuffer: 8 << 20, signal },
      (error, stdout, stderr) => {
        if (signal?.aborted) return reject(new CancelledError());
        if (error) return resolve({ ok: false, detail: stderr.trim() || error.message });
        const parsed = ProbeOutput.safeParse(safeJson(stdout));
        if (!parsed.success)
          return resolve({ ok: false, detail: 'ffprobe printed no readable description' });
        resolve({
          ok: true,
          probe: summarise(parsed.data, /Estimating duration from bitrate/i.test(stderr)),
        });
      },
    );
  });
}

function summarise(output: z.infer<typeof ProbeOutput>, durationEstimated: boolean): ProbeResult {
  const audioStream = output.streams.find((s) => s.codec_type === 'audio');
  const videoStream = output.streams.find(
    (s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1,
  );
  // The audio's own duration first: a video's container may run longer than its sound.
  const duration = [audioStream?.duration, output.format.duration].find(
    (d) => d !== undefined && Number.isFinite(d),
  );
  return {
    formatName: output.format.format_name ?? 'unknown',
    durationSec: duration,
    durationEstimated,
    audio: audioStream
      ? {
          codec: audioStream.codec_name ?? 'unknown',
          sampleRate: audioStream.sample_rate ?? 0,
          channels: audioStream.channels ?? 0,
        }
      : undefined,
    hasVideo: videoStream !== undefined,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
