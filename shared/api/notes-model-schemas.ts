import { z } from 'zod';

/**
 * A notes model as Settings shows it: a catalogue model (downloadable, maybe installed) or a GGUF
 * file someone put in the folder. Catalogue-only facts are null for the latter.
 */
export const NotesModel = z.object({
  /** The catalogue name (e.g. qwen2.5-3b), or the file name for a file not in the catalogue. */
  name: z.string(),
  label: z.string(),
  /** The file in `<models>/llm/`. */
  file: z.string(),
  /** Installed: the file's size; otherwise the catalogue's download size. */
  sizeBytes: z.number(),
  /** Memory the model needs to write a note. */
  ramBytes: z.number().nullable(),
  contextLength: z.number().nullable(),
  licence: z.string().nullable(),
  source: z.enum(['catalogue', 'other']),
  installed: z.boolean(),
  /** The embeddedModel setting names this file (or is empty and this is the first installed). */
  inUse: z.boolean(),
  /** A download of it is running now. */
  downloading: z.boolean(),
  /** Bytes of an unfinished download kept to resume (0: none). */
  partialBytes: z.number(),
});
export type NotesModel = z.infer<typeof NotesModel>;

export const NotesModelsListing = z.object({
  /** Where notes models are kept (they hold no PHI). */
  dir: z.string(),
  /** The embeddedModel setting (a file name, a path, or empty: the first installed). */
  inUse: z.string(),
  models: z.array(NotesModel),
  /** The catalogue model suggested for this computer, and why, in one sentence. */
  recommended: z.object({ name: z.string(), reason: z.string() }),
  /** The Ollama at the ollamaHost setting: its models when it answers, else why not. */
  ollama: z.object({
    host: z.string(),
    running: z.boolean(),
    models: z.array(z.object({ name: z.string(), sizeBytes: z.number() })),
    /** Empty when running. */
    message: z.string(),
  }),
});
export type NotesModelsListing = z.infer<typeof NotesModelsListing>;
