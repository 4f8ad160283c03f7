import { z } from 'zod';
import { DEFAULT_MAX_RECORDING_BYTES } from '../audio/intake/formats';
import { DEFAULT_OLLAMA_HOST } from '../notes/llm/ollama-host';
import type { DbOrTx } from '../store/repositories/types';
import { getSetting } from '../store/repositories/settings';
import {
  RAW_AUDIO_RETENTION,
  TRANSCRIPT_RETENTION,
  type RawAudioRetention,
  type TranscriptRetention,
} from '../../../shared/domain/enums';

/**
 * Every user setting: its key, schema and default in one place. Stored in the settings table,
 * so the app's Settings screen and the CLI read the same values.
 */
export const SETTINGS = {
  /** Whisper model for runs that do not name one (`cairn process --model` still wins). */
  transcriptionModel: {
    key: 'transcribe.model',
    schema: z.string().min(1).max(4096),
    fallback: 'base' as string,
  },
  /** Spoken language for runs that do not name one: 'auto' detects it per recording. */
  transcriptionLanguage: {
    key: 'transcribe.language',
    schema: z
      .string()
      .regex(/^(auto|[a-z]{2,3})$/, "use 'auto' or a language code such as en, de, fr"),
    fallback: 'auto' as string,
  },
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
  /** Which runtime writes notes: Ollama (a local server) or llama.cpp inside Cairn. */
  notesProvider: {
    key: 'notes.provider',
    schema: z.enum(['ollama', 'embedded']),
    fallback: 'embedded' as 'ollama' | 'embedded',
  },
  /** Loopback only unless the practice allows otherwise: the transcript is sent there. */
  ollamaHost: {
    key: 'notes.ollama.host',
    schema: z.string().min(1).max(500),
    fallback: DEFAULT_OLLAMA_HOST as string,
  },
  ollamaModel: {
    key: 'notes.ollama.model',
    schema: z.string().min(1).max(200),
    fallback: 'llama3.1:8b' as string,
  },
  /** A GGUF file: a name in `<models>/llm/`, or a path. Empty: the first GGUF found there. */
  embeddedModel: {
    key: 'notes.embedded.model',
    schema: z.string().max(4096),
    fallback: '' as string,
  },
  /** Tokens of context; more fits more of a session at once but needs more memory. */
  notesContextSize: {
    key: 'notes.contextSize',
    schema: z.number().int().min(1024).max(131072),
    fallback: 8192 as number,
  },
  /** CPU threads for the embedded notes engine; 0: every core (notes run after transcription). */
  notesThreads: {
    key: 'notes.embedded.threads',
    schema: z.number().int().min(0).max(256),
    fallback: 0 as number,
  },
  defaultTemplate: {
    key: 'notes.defaultTemplate',
    schema: z.string().min(1).max(100),
    fallback: 'soap' as string,
  },
  /**
   * Learn from the clinician's edits: signing a note keeps each rewritten section (AI draft and
   * signed text) as an example for new drafts. Off: nothing is kept and nothing learned is used.
   */
  voiceLearning: { key: 'notes.voiceLearning', schema: z.boolean(), fallback: true as boolean },
  /**
   * Sharing de-identified abstracts with the practice's S3 bucket. Off by default: while it is off
   * Cairn makes no connection at all and nothing is queued.
   */
  syncEnabled: { key: 'sync.enabled', schema: z.boolean(), fallback: false as boolean },
  /** An S3-compatible endpoint (MinIO, Ceph, Wasabi…); empty: AWS itself for the region. */
  syncEndpoint: {
    key: 'sync.s3.endpoint',
    schema: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]),
    fallback: '' as string,
  },
  syncRegion: {
    key: 'sync.s3.region',
    schema: z.string().regex(/^[a-z0-9-]{1,50}$/, 'a region such as us-east-1'),
    fallback: 'us-east-1' as string,
  },
  syncBucket: {
    key: 'sync.s3.bucket',
    schema: z.union([
      z.literal(''),
      z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'a bucket name (lower case)'),
    ]),
    fallback: '' as string,
  },
  /** Folder-like start of every object key, e.g. "practice-a/"; may be empty. */
  syncPrefix: {
    key: 'sync.s3.prefix',
    schema: z.string().regex(/^[A-Za-z0-9!_.*'()/-]{0,200}$/, 'letters, digits and / - _ . only'),
    fallback: 'cairn/' as string,
  },
  /** Most S3-compatible stores want bucket-in-path URLs; AWS wants the bucket in the host. */
  syncForcePathStyle: {
    key: 'sync.s3.forcePathStyle',
    schema: z.boolean(),
    fallback: false as boolean,
  },
  syncAccessKeyId: {
    key: 'sync.s3.accessKeyId',
    schema: z.string().max(200),
    fallback: '' as string,
  },
  /** Write-only: `settings.get` reports only whether it is set (see SECRET_SETTINGS). */
  syncSecretAccessKey: {
    key: 'sync.s3.secretAccessKey',
    schema: z.string().max(200),
    fallback: '' as string,
  },
  /**
   * Minutes without activity before the app locks (when a passcode is set). There is no "never":
   * an unattended, unlocked screen is exactly what the lock is for.
   */
  lockAfterMinutes: {
    key: 'security.lockAfterMinutes',
    schema: z.number().int().min(1).max(240),
    fallback: 10 as number,
  },
  /**
   * Minutes without activity before automatic logoff: the app drops everything it holds in
   * memory and starts again at the lock screen. A shorter value than the lock's locks then too.
   */
  logoffAfterMinutes: {
    key: 'security.logoffAfterMinutes',
    schema: z.number().int().min(5).max(1440),
    fallback: 60 as number,
  },
  /**
   * When the retention sweep deletes a session's raw audio (the stored recording and its prepared
   * audio): never, once it is transcribed, or once its note is approved.
   */
  retentionRawAudio: {
    key: 'retention.rawAudio',
    schema: z.enum(RAW_AUDIO_RETENTION),
    fallback: 'keep' as RawAudioRetention,
  },
  /** When it deletes a session's transcript text: never, or once its note is approved. */
  retentionTranscripts: {
    key: 'retention.transcripts',
    schema: z.enum(TRANSCRIPT_RETENTION),
    fallback: 'keep' as TranscriptRetention,
  },
  /** Days after transcription or approval before the sweep deletes (time to re-listen, correct). */
  retentionGraceDays: {
    key: 'retention.graceDays',
    schema: z.number().int().min(0).max(3650),
    fallback: 0 as number,
  },
  /**
   * The first-run guide was finished or skipped in this library. Until then the desk opens it by
   * itself on an empty library; kept here, not in the browser, so it goes with the library.
   */
  guideSeen: { key: 'desk.guideSeen', schema: z.boolean(), fallback: false as boolean },
  /**
   * How an exported note names the client: initials (the default, so a printed page left on a
   * desk says less) or the full name. Each export may choose otherwise.
   */
  exportClientName: {
    key: 'exports.clientName',
    schema: z.enum(['initials', 'full']),
    fallback: 'initials' as 'initials' | 'full',
  },
  /** The practice's name on the first line, then its address lines: the top of every export. */
  exportPracticeHeader: {
    key: 'exports.practiceHeader',
    schema: z.string().max(1000),
    fallback: '' as string,
  },
  /** A PDF's paper: auto picks Letter where the computer's region uses it (US, Canada…), else A4. */
  exportPaperSize: {
    key: 'exports.paperSize',
    schema: z.enum(['auto', 'a4', 'letter']),
    fallback: 'auto' as 'auto' | 'a4' | 'letter',
  },
} as const;

/**
 * Settings that are never read back through the API or the CLI: `settings.get` shows
 * SECRET_MASK when one is set (empty when not), and setting the mask itself keeps the stored value.
 */
export const SECRET_SETTINGS: ReadonlySet<string> = new Set(['syncSecretAccessKey']);
export const SECRET_MASK = '••••••••';

export type SettingName = keyof typeof SETTINGS;

export function readSetting<N extends SettingName>(
  db: DbOrTx,
  name: N,
): (typeof SETTINGS)[N]['fallback'] {
  const { key, schema, fallback } = SETTINGS[name];
  return getSetting(db, key, schema, fallback);
}
