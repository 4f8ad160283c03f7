import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ValidationError } from '../errors';

export const MANIFEST_FILE = 'manifest.json';

/**
 * What a backup holds, so a restore can prove it is whole: every file with its size and SHA-256,
 * the row count per table, the schema and Cairn versions. Ids, counts and hashes only (recordings
 * are named by the hash of their content), so it says nothing about anyone. The `mac` is an
 * HMAC-SHA256 under a key derived from the library key: a manifest edited to match altered files
 * is refused, and only someone with the library key can make one.
 */
const ManifestBody = z.object({
  format: z.literal('cairn-backup'),
  formatVersion: z.literal(1),
  cairnVersion: z.string(),
  libraryId: z.uuid(),
  /** UTC, ISO 8601. */
  createdAt: z.string(),
  schema: z.object({ migrations: z.number().int(), latestMigrationAt: z.number().nullable() }),
  rows: z.record(z.string(), z.number().int().nonnegative()),
  files: z.array(
    z.object({
      /** Relative to the backup folder, with forward slashes. */
      path: z.string().min(1),
      sizeBytes: z.number().int().nonnegative(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});
export type ManifestBody = z.infer<typeof ManifestBody>;
export type ManifestFile = ManifestBody['files'][number];

const Manifest = ManifestBody.extend({ mac: z.string().regex(/^[0-9a-f]{64}$/) });
export type Manifest = z.infer<typeof Manifest>;

export function sealManifest(body: ManifestBody, libraryKey: Buffer): Manifest {
  return { ...body, mac: manifestMac(body, libraryKey) };
}

/** Reads and parses a backup's manifest; a missing or malformed one is refused in words. */
export async function readManifest(backupDir: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(path.join(backupDir, MANIFEST_FILE), 'utf8');
  } catch {
    throw new ValidationError(
      'backup_not_found',
      `${backupDir} is not a Cairn backup (it has no ${MANIFEST_FILE}). Give the cairn-backup-… folder itself.`,
    );
  }
  const parsed = Manifest.safeParse(safeJson(text));
  if (!parsed.success)
    throw new ValidationError(
      'backup_damaged',
      `The backup's ${MANIFEST_FILE} is damaged or was changed, so the backup cannot be trusted. Restore another backup.`,
    );
  return parsed.data;
}

/** Refuses a manifest that was changed after the backup was made (or made for another key). */
export function verifyManifestMac(manifest: Manifest, libraryKey: Buffer): void {
  const { mac, ...body } = manifest;
  const expected = Buffer.from(manifestMac(ManifestBody.parse(body), libraryKey), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(mac, 'hex')))
    throw new ValidationError(
      'backup_tampered',
      `The backup's ${MANIFEST_FILE} was changed after the backup was made, so the backup cannot be trusted. Nothing was restored; restore another backup.`,
    );
}

/** Over the body as the schema orders it, so the same manifest always gives the same MAC. */
function manifestMac(body: ManifestBody, libraryKey: Buffer): string {
  const macKey = Buffer.from(hkdfSync('sha256', libraryKey, '', 'cairn backup manifest', 32));
  return createHmac('sha256', macKey)
    .update(JSON.stringify(ManifestBody.parse(body)))
    .digest('hex');
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
