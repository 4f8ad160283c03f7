/** What every engine downstream reads: 16 kHz, mono, signed 16-bit PCM. */
export const TARGET_RATE = 16_000;
export const BYTES_PER_SAMPLE = 2;

/** 10 ms analysis frames, the unit of silence detection and level statistics. */
export const FRAME_SAMPLES = TARGET_RATE / 100;
