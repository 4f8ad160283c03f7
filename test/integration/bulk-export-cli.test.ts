import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore } from '../../electron/core/app/core';
import { BulkExportManifest } from '../../shared/api/bulk-export-schemas';
import { STEADY_WORRIER } from '../fixtures/clients/plan-clients';
import { runCairn } from '../helpers/cli';
import { seedClientHistory } from '../helpers/client-history';
import { makeTempDir } from '../helpers/fixtures';

/** `cairn export` as a user runs it: a client's records by name, JSON out; bad input exit 2. */
describe('cairn export', () => {
  const temp = makeTempDir();
  const dataDir = path.join(temp.dir, 'data');
  const exportsDir = path.join(temp.dir, 'exports');

  beforeAll(async () => {
    const core = await startCore({ dataDir, actor: 'test', transport: 'in-process' });
    seedClientHistory(core.database.db, STEADY_WORRIER);
    await core.shutdown();
    mkdirSync(exportsDir);
  });
  afterAll(() => temp.remove());

  it('exports a client by name and prints the manifest as JSON', async () => {
    const out = path.join(exportsDir, 'ingrid');
    const result = await runCairn(
      ['export', 'client', 'ingrid halvorsen', '--out', out, '--format', 'csv', '--json'],
      { dataDir },
    );
    expect(result.code, result.stderr).toBe(0);
    const printed = JSON.parse(result.stdout) as { folder: string; manifest: unknown };
    const manifest = BulkExportManifest.parse(printed.manifest);
    expect(printed.folder).toBe(out);
    expect(manifest).toMatchObject({
      mode: 'pseudonymised',
      formats: ['csv'],
      counts: { clients: 1, sessions: STEADY_WORRIER.sessions.length },
    });
    expect(readdirSync(out).sort()).toEqual([
      'goals.csv',
      'manifest.json',
      'notes.csv',
      'sessions.csv',
    ]);
  });

  it('refuses bad input with exit 2 and writes nothing', async () => {
    const out = path.join(exportsDir, 'refused');
    const format = await runCairn(['export', 'library', '--out', out, '--format', 'xml'], {
      dataDir,
    });
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format takes json, csv or json,csv');
    const taken = await runCairn(['export', 'library', '--out', path.join(exportsDir, 'ingrid')], {
      dataDir,
    });
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('is not an empty folder');
    expect(existsSync(out)).toBe(false);
  });
});
