import { readSetting } from '../config/settings';
import { voiceProfile, profileInWords } from '../notes/voice/profile';
import { forgetVoice } from '../notes/voice/voice-library';
import { transaction } from '../pipeline/stage-runner';
import type { Db } from '../store/open-database';
import { getTemplate } from '../store/repositories/note-templates';
import { voiceExampleCounts, voiceExamplesOf } from '../store/repositories/voice-examples';
import type { Handlers } from './handlers';

type VoiceHandlers = Pick<Handlers, 'voice.profile' | 'voice.forget'>;

/** The clinician's voice in Settings: what was learned, in words, and forgetting it. */
export function createVoiceHandlers(context: { db: Db; actor: string }): VoiceHandlers {
  const { db, actor } = context;
  return {
    'voice.profile': () => ({
      enabled: readSetting(db, 'voiceLearning'),
      templates: voiceExampleCounts(db).map(({ templateId, examples }) => ({
        templateId,
        templateName: getTemplate(db, templateId)?.name ?? templateId,
        examples,
        words: profileInWords(voiceProfile(voiceExamplesOf(db, templateId))),
      })),
    }),
    'voice.forget': () => ({ deleted: transaction(db, (tx) => forgetVoice(tx, actor)) }),
  };
}
