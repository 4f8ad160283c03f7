import {
  SECRET_MASK,
  SECRET_SETTINGS,
  SETTINGS,
  readSetting,
  type SettingName,
} from '../config/settings';
import { ValidationError } from '../errors';
import type { PipelineService } from '../pipeline/pipeline-service';
import { transaction } from '../pipeline/stage-runner';
import type { Db } from '../store/open-database';
import { recordAudit } from '../store/repositories/audit';
import { setSetting } from '../store/repositories/settings';
import type { Handlers } from './handlers';

interface SettingsHandlerContext {
  db: Db;
  pipeline: PipelineService;
  actor: string;
  /** Sharing was switched on or its bucket changed: the outbox worker looks again. */
  onSyncSettingChanged?: () => void;
}

type SettingsHandlers = Pick<Handlers, 'settings.get' | 'settings.set'>;

/** Settings by name: validated against the registry, audited, and applied live where they can be. */
export function createSettingsHandlers(context: SettingsHandlerContext): SettingsHandlers {
  const { db, actor } = context;
  return {
    'settings.get': () => allSettings(db),
    'settings.set': ({ name, value }) => {
      if (!Object.hasOwn(SETTINGS, name))
        throw new ValidationError('setting_unknown', `There is no setting called "${name}".`);
      const setting = SETTINGS[name as SettingName];
      // The form sends back what it was shown: the mask means "unchanged", not a new secret.
      if (SECRET_SETTINGS.has(name) && value === SECRET_MASK) return allSettings(db);
      const parsed = setting.schema.safeParse(value);
      if (!parsed.success)
        throw new ValidationError(
          'setting_invalid',
          `That is not a valid value for ${name}: ${parsed.error.issues[0]?.message ?? 'invalid'}.`,
        );
      transaction(db, (tx) => {
        setSetting(tx, setting.key, parsed.data);
        recordAudit(tx, {
          actor,
          action: 'setting.changed',
          entityType: 'settings',
          entityId: name,
        });
      });
      // The other settings are read when they are used; the queue's size is held by the queue.
      if (name === 'pipelineConcurrency')
        context.pipeline.setConcurrency(readSetting(db, 'pipelineConcurrency'));
      if (name.startsWith('sync')) context.onSyncSettingChanged?.();
      return allSettings(db);
    },
  };
}

/** Every setting by name; a secret only as whether it is set, so it never reaches a renderer. */
function allSettings(db: Db): Record<string, unknown> {
  return Object.fromEntries(
    (Object.keys(SETTINGS) as SettingName[]).map((name) => {
      const value = readSetting(db, name);
      if (!SECRET_SETTINGS.has(name)) return [name, value];
      return [name, value === '' ? '' : SECRET_MASK];
    }),
  );
}
