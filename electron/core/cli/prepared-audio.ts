import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { probeMedia } from '../audio/intake/probe';
import { preprocessRecording } from '../audio/preprocess/preprocess-recording';

/** A 16 kHz mono WAV is used as it is; anything else is prepared into a temporary one first. */
export async function preparedAudio(
  input: string,
  signal: AbortSignal,
  onProgress: (percent: number) => void,
) {
  const probed = await probeMedia(input, signal);
  const audio = probed.ok ? probed.probe.audio : undefined;
  if (audio?.codec === 'pcm_s16le' && audio.sampleRate === 16_000 && audio.channels === 1) {
    return { wav: input, offsetSec: 0, cleanup: () => Promise.resolve() };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'cairn-transcribe-'));
  try {
    const result = await preprocessRecording(
      input,
      path.join(dir, 'prepared.wav'),
      {},
      { signal, onProgress: (p) => onProgress(p.percent) },
    );
    return {
      wav: result.output,
      offsetSec: result.offsets.startSec,
      cleanup: () => rm(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
