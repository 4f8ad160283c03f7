import type { RunStage } from './enums';

/**
 * Each stage of every run type in a clinician's words, for the desk's progress lines and the
 * CLI's alike. A Record over the enum, so a new stage does not compile until it has its words.
 */
const STAGE_WORDS: Record<RunStage, string> = {
  validate: 'checking the recording',
  preprocess: 'preparing the audio',
  transcribe: 'transcribing',
  diarize: 'finding the speakers',
  merge: 'assembling the transcript',
  notes: 'drafting the note',
  finalize: 'finishing',
  load_history: 'reading the signed notes',
  analysis: 'reading what changed',
  abstraction: 'removing identifiers',
  client_guide: 'writing the client’s guide',
  extract: 'finding what the session used',
  load_plan: 'reading the plan',
  propose: 'proposing plan changes',
  load_partners: 'reading each partner’s themes',
  match: 'matching shared topics',
  joint_summary: 'writing the joint summary',
  load_participants: 'reading who said what',
  summarize: 'writing each participant’s summary',
  isolation_check: 'checking nothing crossed over',
  revise: 'drafting the revision',
  gather: 'gathering the homework and next appointment',
  draft: 'drafting the message',
  check: 'checking for clinical detail',
  export_select: 'choosing the records',
  export_write: 'writing the files',
  export_manifest: 'writing the manifest',
  persist: 'saving',
};

/** "transcribe" → "transcribing"; a message that is not a stage's name is already words. */
export function stageWords(stage: string): string {
  return Object.hasOwn(STAGE_WORDS, stage) ? STAGE_WORDS[stage as RunStage] : stage;
}
