import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  BulkExportManifest,
  type BulkExportCounts,
  type BulkExportRequest,
  type ManifestFile,
} from '../../../../shared/api/bulk-export-schemas';
import { CAIRN_VERSION } from '../../app/version';
import { ValidationError } from '../../errors';
import type { Db } from '../../store/open-database';
import { clientPseudonym } from './export-identity';
import { targetFree } from './export-target';

export const MANIFEST_FILE = 'manifest.json';

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every file under `folder`, relative, with forward slashes, sorted. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .map((relative) => relative.split(path.sep).join('/'))
    .sort();
}

/** The export's manifest, if the folder holds a finished one. */
export async function readManifest(folder: string): Promise<BulkExportManifest | null> {
  const file = path.join(folder, MANIFEST_FILE);
  if (!existsSync(file)) return null;
  return BulkExportManifest.parse(JSON.parse(await readFile(file, 'utf8')));
}

export interface SealInput {
  db: Db;
  runId: string;
  staging: string;
  target: string;
  request: BulkExportRequest;
  counts: BulkExportCounts;
}

/**
 * Hashes every file, writes manifest.json last, then renames the staging folder to the target:
 * the target appears complete or not at all. Run again after a crash, it finds its own finished
 * export (same export id) and leaves it as it is.
 */
export async function sealExport(input: SealInput): Promise<BulkExportManifest> {
  const { staging, target, request } = input;
  if (!existsSync(staging)) {
    const finished = await readManifest(target).catch(() => null);
    if (finished?.exportId === input.runId) return finished;
    throw new ValidationError(
      'export_staging_missing',
      'The export’s files are gone before they were finished. Start the export again.',
    );
  }
  const files: ManifestFile[] = [];
  for (const relative of await filesUnder(staging)) {
    const file = path.join(staging, relative);
    files.push({ path: relative, sha256: await sha256Of(file), bytes: (await stat(file)).size });
  }
  const scope = request.scope;
  const manifest: BulkExportManifest = {
    format: 'cairn-export-manifest',
    version: 1,
    exportId: input.runId,
    createdAt: new Date().toISOString(),
    cairnVersion: CAIRN_VERSION,
    scope:
      scope.kind === 'library'
        ? { kind: 'library' }
        : {
            kind: 'client',
            client: request.identifiers
              ? scope.clientId
              : clientPseudonym(input.db, scope.clientId),
          },
    mode: request.identifiers ? 'identified' : 'pseudonymised',
    formats: request.formats,
    counts: input.counts,
    files,
  };
  await writeFile(path.join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  // Checked again at the last moment: a folder made there since the export was asked for.
  if (!targetFree(target))
    throw new ValidationError(
      'export_target_not_empty',
      `${target} was filled while the export ran. Choose a new folder and export again.`,
    );
  if (existsSync(target)) await rmdir(target);
  await rename(staging, target);
  return manifest;
}

/** Removes a run's unfinished staging folder (a failed or cancelled export leaves nothing). */
export async function discardStaging(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
}
