import { z } from 'zod';
import { DEFAULT_MAX_RECORDING_BYTES } from '../audio/intake/formats';
import type { DbOrTx } from '../store/repositories/types';
import { getSetting } from '../store/repositories/settings';

/**
 * Every user setting: its key, schema and default in one place. Stored in the settings table,
 * so the app's Settings screen and the CLI read the same values.
 */
export const SETTINGS = {
  maxRecordingBytes: {
    key: 'intake.maxRecordingBytes',
    schema: z.number().int().positive(),
    fallback: DEFAULT_MAX_RECORDING_BYTES,
  },
  /** Sessions processed at once; one already keeps a laptop's cores busy. */
  pipelineConcurrency: {
    key: 'pipeline.concurrency',
    schema: z.number().int().min(1).max(8),
    fallback: 1,
  },
  /** Sessions that may wait in the queue. */
  pipelineMaxBacklog: {
    key: 'pipeline.maxBacklog',
    schema: z.number().int().min(1).max(1000),
    fallback: 50,
  },
} as const;

export type SettingName = keyof typeof SETTINGS;

export function readSetting<N extends SettingName>(
  db: DbOrTx,
  name: N,
): (typeof SETTINGS)[N]['fallback'] {
  const { key, schema, fallback } = SETTINGS[name];
  return getSetting(db, key, schema, fallback);
}
