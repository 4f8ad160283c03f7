import { availableParallelism, totalmem } from 'node:os';
import { NOTES_CATALOGUE, type NotesCatalogueModel } from './catalogue';

export interface MachineInfo {
  totalMemBytes: number;
  cores: number;
  /** A GPU llama.cpp can use (Metal, CUDA, Vulkan); unknown counts as none. */
  gpu: boolean;
}

export interface Recommendation {
  model: NotesCatalogueModel;
  /** One sentence for the clinician. */
  reason: string;
}

const GB = 1024 ** 3;

/** This machine, for the recommendation (the GPU flag comes from whoever knows it). */
export function thisMachine(gpu = false): MachineInfo {
  return { totalMemBytes: totalmem(), cores: availableParallelism(), gpu };
}

/**
 * Picks one model to suggest. A pure function of the machine so tests can pass a fake one.
 * The model must fit in about half the RAM (the app, transcription and the OS need the rest);
 * the 7B model also needs 8 cores or a GPU, or a note takes too long to write on a CPU.
 */
export function recommendNotesModel(
  machine: MachineInfo,
  catalogue: readonly NotesCatalogueModel[] = NOTES_CATALOGUE,
): Recommendation {
  const ramGb = Math.round(machine.totalMemBytes / GB);
  const budget = machine.totalMemBytes / 2;
  const fast = machine.gpu || machine.cores >= 8;
  const pick = (name: string) => catalogue.find((m) => m.name === name);
  const big = pick('qwen2.5-7b');
  if (big && fast && big.ramBytes <= budget)
    return {
      model: big,
      reason: `This computer has ${ramGb} GB of memory and ${machine.gpu ? 'a graphics processor' : `${machine.cores} processor cores`}, enough for the larger ${big.label}, which writes the most accurate notes.`,
    };
  const mid = pick('qwen2.5-3b');
  if (mid && mid.ramBytes <= budget)
    return {
      model: mid,
      reason: `With ${ramGb} GB of memory and ${machine.cores} processor cores, ${mid.label} writes good notes without slowing the computer down.`,
    };
  const fitting = [...catalogue]
    .filter((m) => m.ramBytes <= budget)
    .sort((a, b) => b.ramBytes - a.ramBytes);
  const smallest = [...catalogue].sort((a, b) => a.ramBytes - b.ramBytes)[0];
  const model = fitting[0] ?? smallest;
  if (!model) throw new Error('The notes model catalogue is empty.');
  return {
    model,
    reason: `This computer has only ${ramGb} GB of memory, so ${model.label} is the one that fits; its notes need more checking.`,
  };
}
