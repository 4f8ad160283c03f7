import { z } from 'zod';
import { ForgetVoiceResult, VoiceProfiles } from './voice-schemas';

/**
 * The clinician's voice (learning from their edits), part of the one contract (contract.ts
 * spreads it into its methods). Whether it learns is the voiceLearning setting.
 */
export const voiceMethods = {
  /** What Cairn learned from signed notes, per template, in words; never the examples' text. */
  'voice.profile': { input: z.object({}), output: VoiceProfiles },
  /** Deletes every example learned ("Forget what Cairn learned"); audited with the count. */
  'voice.forget': { input: z.object({}), output: ForgetVoiceResult },
};
