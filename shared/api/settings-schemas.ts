import { z } from 'zod';

/** A model name as the catalogue and the models folder spell it (an imported file's may have spaces; never a path). */
export const ModelName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^/\\.][^/\\]*$/, 'a model name such as base or small.en');

/** One Whisper model: downloadable, installed, or both; and whether new runs use it. */
export const WhisperModel = z.object({
  name: ModelName,
  /** Installed: the file's size; otherwise the catalogue's download size. */
  sizeBytes: z.number(),
  installed: z.boolean(),
  /** The transcriptionModel setting names it: runs without a --model use it. */
  inUse: z.boolean(),
  source: z.enum(['catalogue', 'imported']),
  englishOnly: z.boolean(),
  /** A download of it is running now. */
  downloading: z.boolean(),
  /** Bytes of an unfinished download kept to resume (0: none). */
  partialBytes: z.number(),
});
export type WhisperModel = z.infer<typeof WhisperModel>;

export const ModelsListing = z.object({
  /** Where models are kept (they hold no PHI). */
  dir: z.string(),
  /** The transcriptionModel setting (a name, or a path to a model file). */
  inUse: z.string(),
  models: z.array(WhisperModel),
  /** The catalogue model suggested for this computer and the spoken-language setting, and why. */
  recommended: z.object({ name: z.string(), reason: z.string() }),
});
export type ModelsListing = z.infer<typeof ModelsListing>;

export const ModelDownloadProgress = z.object({
  name: z.string(),
  receivedBytes: z.number(),
  /** Null when the server does not say. */
  totalBytes: z.number().nullable(),
});
export type ModelDownloadProgress = z.infer<typeof ModelDownloadProgress>;

export const LibraryLocation = z.object({
  /** The folder this running Cairn uses. */
  dataDir: z.string(),
  /** The folder the next start will use, when a move is waiting for a restart; else null. */
  nextDataDir: z.string().nullable(),
  /** False when the library was chosen with --data-dir or CAIRN_DATA_DIR: Cairn does not move it. */
  movable: z.boolean(),
});
export type LibraryLocation = z.infer<typeof LibraryLocation>;

export const LibraryMoveResult = z.object({
  dataDir: z.string(),
  /** copied: the library was copied there; adopted: the folder already held a Cairn library. */
  outcome: z.enum(['copied', 'adopted']),
  sessions: z.number().int(),
  files: z.number().int(),
  bytes: z.number(),
  /** The move takes effect at the next start; the old folder is kept until the user removes it. */
  restartRequired: z.literal(true),
  oldDataDir: z.string(),
});
export type LibraryMoveResult = z.infer<typeof LibraryMoveResult>;
