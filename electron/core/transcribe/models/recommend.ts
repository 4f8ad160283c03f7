import type { MachineInfo } from '../../notes/models/recommend';
import { CATALOGUE, type CatalogueModel } from './catalogue';

export interface WhisperRecommendation {
  model: CatalogueModel;
  /** One sentence for the clinician. */
  reason: string;
}

const GB = 1024 ** 3;

/**
 * The Whisper model to suggest for this machine: a pure function of it, so tests can pass any.
 * On a CPU, base transcribes a session in about a quarter of its length on 2 cores (measured,
 * docs/benchmarks.md); small is about three times slower, so it is suggested only where it still
 * runs well under real time (8 cores or a GPU) and memory is plenty. English-only models are
 * slightly more accurate in English, so an English practice gets the `.en` twin.
 */
export function recommendWhisperModel(
  machine: MachineInfo,
  language: string,
  catalogue: readonly CatalogueModel[] = CATALOGUE,
): WhisperRecommendation {
  const english = language === 'en';
  const pick = (name: string) =>
    catalogue.find((m) => m.name === `${name}.en` && english) ??
    catalogue.find((m) => m.name === name);
  const fast = machine.gpu || machine.cores >= 8;
  const ramGb = Math.round(machine.totalMemBytes / GB);
  const small = pick('small');
  if (small && fast && ramGb >= 8)
    return {
      model: small,
      reason: `This computer has ${machine.gpu ? 'a graphics processor' : `${machine.cores} processor cores`}, enough for ${small.name}, which makes fewer mistakes than base and still keeps up with a session.`,
    };
  const base = pick('base') ?? catalogue[0];
  if (!base) throw new Error('The Whisper model catalogue is empty.');
  return {
    model: base,
    reason: `With ${machine.cores} processor cores and no graphics processor, ${base.name} transcribes a session in about a quarter of its length; larger models would take longer than the session itself.`,
  };
}
