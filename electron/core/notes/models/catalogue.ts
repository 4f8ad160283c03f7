/**
 * The instruction models Cairn recommends for writing notes, as GGUF files on Hugging Face.
 *
 * Sizes here are approximate (from the model pages, rounded): they drive the UI and the
 * recommendation, not verification. No sha256 below has been checked against the published file
 * yet (none could be confirmed from the sources available when this was written), so each entry
 * has `sha256: null` and the downloader checks the size the server declares instead. Fill a hash
 * in only after checking it against Hugging Face's "SHA256" on the file page; never guess one.
 */
export interface NotesCatalogueModel {
  /** Short name used by the CLI and the API, e.g. qwen2.5-3b. */
  name: string;
  label: string;
  /** File name in `<models>/llm/`. */
  file: string;
  /** Approximate download size in bytes. */
  sizeBytes: number;
  /** RAM the model needs to write a note at its default context (weights plus KV cache). */
  ramBytes: number;
  contextLength: number;
  licence: string;
  /** Hex sha256 of the published file, or null when not yet verified (see above). */
  sha256: string | null;
  url: string;
}

const GB = 1024 ** 3;
const MB = 1024 ** 2;
const HF = 'https://huggingface.co';

export const NOTES_CATALOGUE: readonly NotesCatalogueModel[] = [
  {
    name: 'qwen2.5-7b',
    label: 'Qwen2.5 7B Instruct (Q4_K_M)',
    file: 'qwen2.5-7b-instruct-q4_k_m.gguf',
    sizeBytes: Math.round(4.68 * GB),
    ramBytes: 8 * GB,
    contextLength: 32_768,
    licence: 'Apache-2.0',
    sha256: null,
    url: `${HF}/bartowski/Qwen2.5-7B-Instruct-GGUF/resolve/main/Qwen2.5-7B-Instruct-Q4_K_M.gguf`,
  },
  {
    name: 'qwen2.5-3b',
    label: 'Qwen2.5 3B Instruct (Q4_K_M)',
    file: 'qwen2.5-3b-instruct-q4_k_m.gguf',
    sizeBytes: Math.round(1.93 * GB),
    ramBytes: 4 * GB,
    contextLength: 32_768,
    licence: 'Qwen Research License',
    sha256: null,
    url: `${HF}/bartowski/Qwen2.5-3B-Instruct-GGUF/resolve/main/Qwen2.5-3B-Instruct-Q4_K_M.gguf`,
  },
  {
    name: 'llama3.2-3b',
    label: 'Llama 3.2 3B Instruct (Q4_K_M)',
    file: 'llama-3.2-3b-instruct-q4_k_m.gguf',
    sizeBytes: Math.round(2.02 * GB),
    ramBytes: 4 * GB,
    contextLength: 131_072,
    licence: 'Llama 3.2 Community License',
    sha256: null,
    url: `${HF}/bartowski/Llama-3.2-3B-Instruct-GGUF/resolve/main/Llama-3.2-3B-Instruct-Q4_K_M.gguf`,
  },
  {
    name: 'phi3.5-mini',
    label: 'Phi-3.5-mini Instruct (Q4_K_M)',
    file: 'phi-3.5-mini-instruct-q4_k_m.gguf',
    sizeBytes: Math.round(2.39 * GB),
    ramBytes: 5 * GB,
    contextLength: 131_072,
    licence: 'MIT',
    sha256: null,
    url: `${HF}/bartowski/Phi-3.5-mini-instruct-GGUF/resolve/main/Phi-3.5-mini-instruct-Q4_K_M.gguf`,
  },
  {
    name: 'smollm2-360m',
    label: 'SmolLM2 360M Instruct (Q8_0, for trying Cairn out)',
    file: 'smollm2-360m-instruct-q8_0.gguf',
    sizeBytes: 386 * MB,
    ramBytes: 1 * GB,
    contextLength: 8_192,
    licence: 'Apache-2.0',
    sha256: null,
    url: `${HF}/bartowski/SmolLM2-360M-Instruct-GGUF/resolve/main/SmolLM2-360M-Instruct-Q8_0.gguf`,
  },
];

/**
 * Tests (and a practice mirror) point every download at another host with CAIRN_NOTES_MODEL_HOST:
 * the file name stays, the host and path change, so no test ever reaches Hugging Face.
 */
export const NOTES_MODEL_HOST_ENV = 'CAIRN_NOTES_MODEL_HOST';

export function notesModelUrl(
  entry: NotesCatalogueModel,
  host = process.env[NOTES_MODEL_HOST_ENV],
): string {
  return host ? `${host.replace(/\/$/, '')}/${entry.file}` : entry.url;
}

export function findNotesModel(
  name: string,
  catalogue: readonly NotesCatalogueModel[] = NOTES_CATALOGUE,
): NotesCatalogueModel | undefined {
  return catalogue.find((entry) => entry.name === name || entry.file === name);
}
