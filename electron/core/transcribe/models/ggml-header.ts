import { open } from 'node:fs/promises';

const GGML_MAGIC = 0x67676d6c;

export interface GgmlHeader {
  vocab: number;
  audioLayers: number;
  textLayers: number;
  mels: number;
}

/**
 * Reads a whisper.cpp model's header. Returns undefined for anything that is not a ggml Whisper
 * model (wrong magic, implausible dimensions, too short), so a damaged download or a wrong file is
 * caught before the engine is started.
 */
export async function readGgmlHeader(file: string): Promise<GgmlHeader | undefined> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(48);
    const { bytesRead } = await handle.read(buffer, 0, 48, 0);
    if (bytesRead < 48 || buffer.readUInt32LE(0) !== GGML_MAGIC) return undefined;
    const [vocab, audioCtx, audioState, , audioLayers, textCtx, textState, , textLayers, mels] =
      Array.from({ length: 10 }, (_, i) => buffer.readInt32LE(4 + i * 4)) as [
        number,
        number,
        number,
        number,
        number,
        number,
        number,
        number,
        number,
        number,
      ];
    const plausible =
      vocab > 50_000 &&
      vocab < 60_000 &&
      audioCtx === 1500 &&
      textCtx === 448 &&
      audioState > 0 &&
      textState > 0;
    if (!plausible || ![80, 128].includes(mels)) return undefined;
    return { vocab, audioLayers, textLayers, mels };
  } finally {
    await handle.close();
  }
}
