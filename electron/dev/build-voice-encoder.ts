/**
 * `npm run build:models`: makes the speaker-embedding model diarization runs, resources/models/
 * voice-encoder-ge2e.onnx. The weights are Resemblyzer's GE2E encoder (Apache-2.0), published
 * inside its PyPI wheel; resemblyzer_to_onnx.py converts them without torch. Both the wheel's
 * weights and the result are checked against pinned SHA-256s, so every build ships the same
 * model. Skipped when the model is already there and verified. The packaged app ships the file:
 * nothing is downloaded or converted on a clinician's machine.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { hashFile } from '../core/transcribe/models/download';
import { bundledVoiceEncoderPath } from '../core/diarize/embed/voice-encoder-model';
import { pipDownload, venvPython } from './python-venv';

const WHEEL = 'Resemblyzer==0.1.4';
const WEIGHTS_SHA256 = '39373b86598fa3da9fcddee6142382efe09777e8d37dc9c0561f41f0070f134e';
export const VOICE_ENCODER_SHA256 =
  'baa201078499aa29a3baf920bc821e23acb33726af9e6bfb1bc3562075866b31';
const CONVERTER_PACKAGES = ['numpy==2.4.6', 'onnx==1.23.2'];

export async function buildVoiceEncoder(output = bundledVoiceEncoderPath()): Promise<void> {
  if (existsSync(output) && (await hashFile(output, 'sha256')) === VOICE_ENCODER_SHA256) {
    console.log(`Voice encoder ready: ${output}`);
    return;
  }
  mkdirSync(path.dirname(output), { recursive: true });
  const python = venvPython(CONVERTER_PACKAGES);
  const work = mkdtempSync(path.join(path.dirname(output), 'build-'));
  try {
    console.log('Downloading Resemblyzer (PyPI) and converting its voice encoder to ONNX…');
    pipDownload(python, work, [WHEEL]);
    const wheel = readdirSync(work).find((name) => name.endsWith('.whl'));
    if (!wheel) throw new Error(`pip did not download ${WHEEL}`);
    execFileSync(
      python,
      ['-m', 'zipfile', '-e', path.join(work, wheel), path.join(work, 'wheel')],
      { stdio: 'inherit' },
    );
    const weights = path.join(work, 'wheel/resemblyzer/pretrained.pt');
    const weightsSha = await hashFile(weights, 'sha256');
    if (weightsSha !== WEIGHTS_SHA256)
      throw new Error(`${WHEEL} weights have sha256 ${weightsSha}, expected ${WEIGHTS_SHA256}`);
    const partial = path.join(work, 'voice-encoder.onnx');
    execFileSync(
      python,
      [path.join(__dirname, 'models/resemblyzer_to_onnx.py'), weights, partial],
      {
        stdio: 'inherit',
      },
    );
    const sha = await hashFile(partial, 'sha256');
    if (sha !== VOICE_ENCODER_SHA256)
      throw new Error(
        `converted voice encoder has sha256 ${sha}, expected ${VOICE_ENCODER_SHA256}`,
      );
    renameSync(partial, output);
    console.log(`Voice encoder ready: ${output}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  buildVoiceEncoder().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
