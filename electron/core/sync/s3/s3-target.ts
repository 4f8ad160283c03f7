import {
  HeadBucketCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { readSetting } from '../../config/settings';
import { PermanentError, TransientError, ValidationError, type CairnError } from '../../errors';
import type { DbOrTx } from '../../store/repositories/types';

// The SDK warns on stderr that its 2027 releases will need Node 22; the CLI's stderr is for the
// clinician, and the app's Electron already ships a newer Node. Left alone if set explicitly.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export interface S3Config {
  endpoint: string;
  region: string;
  bucket: string;
  prefix: string;
  forcePathStyle: boolean;
  accessKeyId: string;
  secretAccessKey: string;
}

export function readS3Config(db: DbOrTx): S3Config {
  return {
    endpoint: readSetting(db, 'syncEndpoint'),
    region: readSetting(db, 'syncRegion'),
    bucket: readSetting(db, 'syncBucket'),
    prefix: readSetting(db, 'syncPrefix'),
    forcePathStyle: readSetting(db, 'syncForcePathStyle'),
    accessKeyId: readSetting(db, 'syncAccessKeyId'),
    secretAccessKey: readSetting(db, 'syncSecretAccessKey'),
  };
}

/** What is missing before Cairn can connect, as the next step; null when nothing is. */
export function configurationProblem(config: S3Config): string | null {
  const missing = [
    config.bucket === '' && 'the bucket',
    config.accessKeyId === '' && 'the access key id',
    config.secretAccessKey === '' && 'the secret access key',
  ].filter((item): item is string => typeof item === 'string');
  if (missing.length === 0) return null;
  return `Sharing needs ${missing.join(', ')}: enter ${missing.length === 1 ? 'it' : 'them'} in Settings → Sharing (S3), or with cairn settings.`;
}

/**
 * The practice's bucket. Retries are the outbox's (cockatiel), so the SDK's own are off; every
 * object is sent with SSE-S3 (AES256) requested, and checksums only where S3 requires them, since
 * not every S3-compatible store understands the newer checksum headers.
 */
export class S3Target {
  private readonly client: S3Client;

  constructor(private readonly config: S3Config) {
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint === '' ? undefined : config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      maxAttempts: 1,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      requestHandler: { connectionTimeout: 10_000, requestTimeout: 60_000 },
    });
  }

  /** The full key: the configured prefix, then the item's own key. */
  keyFor(objectKey: string): string {
    return `${this.config.prefix}${objectKey}`;
  }

  async put(objectKey: string, body: string, signal?: AbortSignal): Promise<void> {
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.config.bucket,
          Key: this.keyFor(objectKey),
          Body: Buffer.from(body, 'utf8'),
          ContentType: 'application/json',
          ServerSideEncryption: 'AES256',
        }),
        { abortSignal: signal },
      );
    } catch (error) {
      throw classifyS3Error(error, this.config);
    }
  }

  /** Whether the bucket is there and these keys may use it (HeadBucket: no object is read). */
  async check(signal?: AbortSignal): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.config.bucket }), {
        abortSignal: signal,
      });
    } catch (error) {
      throw classifyS3Error(error, this.config);
    }
  }

  close(): void {
    this.client.destroy();
  }
}

const THROTTLED = new Set(['SlowDown', 'Throttling', 'ThrottlingException', 'RequestTimeout']);

/**
 * An S3 failure as the clinician can act on it: wrong keys or bucket are permanent (retrying will
 * not help), a network problem or a busy server is transient. Never includes the payload.
 */
export function classifyS3Error(error: unknown, config: S3Config): CairnError {
  const status = error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
  const name = error instanceof Error ? error.name : '';
  const where = config.endpoint === '' ? `AWS (${config.region})` : config.endpoint;
  if (status === 403 || name === 'InvalidAccessKeyId' || name === 'SignatureDoesNotMatch')
    return new PermanentError(
      'sync_access_denied',
      `The bucket "${config.bucket}" at ${where} refused Cairn's keys: check the access key id and secret in Settings → Sharing (S3), and that they may write to it.`,
      { cause: error },
    );
  if (status === 404 || name === 'NoSuchBucket' || name === 'NotFound')
    return new PermanentError(
      'sync_bucket_missing',
      `There is no bucket "${config.bucket}" at ${where}: check the bucket name and endpoint in Settings → Sharing (S3).`,
      { cause: error },
    );
  if (status === 301 || name === 'PermanentRedirect' || name === 'AuthorizationHeaderMalformed')
    return new PermanentError(
      'sync_wrong_region',
      `The bucket "${config.bucket}" is in another region than ${config.region}: set its region in Settings → Sharing (S3).`,
      { cause: error },
    );
  if (name === 'AbortError')
    return new TransientError('sync_cancelled', 'The upload was stopped; it will be sent later.', {
      cause: error,
    });
  if (status === undefined || status >= 500 || status === 429 || THROTTLED.has(name))
    return new TransientError(
      'sync_unreachable',
      `Cairn could not reach the bucket at ${where}${status ? ` (HTTP ${status})` : ''}: check the network and the endpoint; pending items are retried automatically.`,
      { cause: error },
    );
  return new ValidationError(
    'sync_refused',
    `The bucket at ${where} refused the upload (HTTP ${status}, ${name || 'no reason given'}): check the Sharing (S3) settings.`,
    { cause: error },
  );
}
