import { z } from 'zod';

/** What Cairn learned from the clinician's signed notes, per template, in words. */
export const VoiceTemplateProfile = z.object({
  templateId: z.string(),
  templateName: z.string(),
  /** Rewritten sections kept as examples. */
  examples: z.number().int(),
  /** "about 12 words a statement, third person ("the client"), you write …". */
  words: z.string(),
});
export type VoiceTemplateProfile = z.infer<typeof VoiceTemplateProfile>;

export const VoiceProfiles = z.object({
  /** The voiceLearning setting. */
  enabled: z.boolean(),
  templates: z.array(VoiceTemplateProfile),
});
export type VoiceProfiles = z.infer<typeof VoiceProfiles>;

export const ForgetVoiceResult = z.object({ deleted: z.number().int() });
export type ForgetVoiceResult = z.infer<typeof ForgetVoiceResult>;
