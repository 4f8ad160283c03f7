import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupResult } from '../../shared/api/data-schemas';
import { startCore, type Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { hashFile } from '../../electron/core/transcribe/models/download';
import { runCairn } from '../helpers/cli';
import { envelopeError } from '../helpers/errors';
import { makeTempDir } from '../helpers/fixtures';
import { listFiles } from '../helpers/files';
import { SHORT_SESSION, seedTranscript } from '../helpers/notes';
import { pipelineEnv } from '../helpers/pipeline';
import { countRows, withRawDatabase } from '../helpers/sqlite';
import { JFK_MP3 } from '../helpers/whisper';

const CLIENT = 'Philippa Quennell-Ashdown';
/** Words and names of the session that must never appear in a backup's bytes. */
const SECRETS = [CLIENT, 'Quennell', 'breathing exercise', 'worrying about work', 'wind-down'];
const WRITER = path.join(__dirname, '../helpers/write-until-killed.ts');

interface ManifestJson {
  rows: Record<string, number>;
  files: { path: string; sizeBytes: number; sha256: string }[];
}

/** Online backup to an encrypted folder, and restore: checked at every step, never half done. */
describe('backup and restore', () => {
  const temp = makeTempDir();
  const source = path.join(temp.dir, 'library');
  const backups = path.join(temp.dir, 'backups');
  let core: Core;
  let sessionId: string;
  let backup: BackupResult;

  beforeAll(async () => {
    core = await startCore({ dataDir: source, actor: 'dr-lee', transport: 'in-process' });
    const imported = await call(core, 'recordings.import', { path: JFK_MP3, clientName: CLIENT });
    sessionId = imported.sessionId;
    seedTranscript(core.database.db, sessionId, SHORT_SESSION);
  });
  afterAll(async () => {
    await core.shutdown();
    temp.remove();
  });

  const manifestOf = (folder: string) =>
    JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as ManifestJson;

  it('refuses a destination inside the library, or a relative one', async () => {
    const inside = await core.invoke('library.backup', {
      destination: path.join(source, 'backups'),
    });
    expect(envelopeError(inside).code).toBe('backup_inside_library');
    expect(
      envelopeError(await core.invoke('library.backup', { destination: 'backups' })).code,
    ).toBe('path_not_absolute');
    expect(existsSync(path.join(source, 'backups'))).toBe(false);
  });

  it('backs up while another process is writing to the library', async () => {
    const writer = spawn(
      process.execPath,
      ['--require', 'tsx/cjs', WRITER, path.join(source, 'cairn.db')],
      // Its stderr is not shown: its deferred transactions may meet the core's audit write
      // after the backup with SQLITE_BUSY, which ends it; that is the writer's affair.
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const exited = new Promise((resolve) => writer.on('exit', resolve));
    let committed = 0;
    const writing = new Promise<void>((resolve) =>
      writer.stdout.on('data', (chunk: Buffer) => {
        const last = [...chunk.toString().matchAll(/committed (\d+)/g)].at(-1);
        if (last) committed = Number(last[1]);
        if (committed >= 5) resolve();
      }),
    );
    try {
      await writing;
      // The writer is committing as the snapshot starts: a write is in progress throughout.
      expect(writer.exitCode).toBeNull();
      backup = await call(core, 'library.backup', { destination: backups });
    } finally {
      writer.kill('SIGKILL');
      await exited;
    }
    expect(path.basename(backup.folder)).toMatch(/^cairn-backup-\d{8}T\d{6}Z$/);
    expect(readdirSync(backups)).toEqual([path.basename(backup.folder)]); // no .partial left
    expect(backup.sessions).toBe(1);
    const manifest = manifestOf(backup.folder);
    expect(manifest.files.map((f) => f.path).sort()).toEqual(
      [
        'cairn.db',
        'library.json',
        (await call(core, 'sessions.get', { id: sessionId })).recording?.storedPath ?? '',
      ].sort(),
    );
    for (const file of manifest.files)
      expect(await hashFile(path.join(backup.folder, file.path), 'sha256')).toBe(file.sha256);
    // The snapshot holds the clients committed before it (at least those before the call).
    expect(manifest.rows.clients).toBeGreaterThanOrEqual(1 + 5);
    const audit = withRawDatabase(source, (db) =>
      db
        .prepare("SELECT detail_json AS detail FROM audit_log WHERE action = 'library.backed_up'")
        .all(),
    ) as { detail: string }[];
    expect(audit.map((a) => JSON.parse(a.detail) as unknown)).toEqual([
      { sessions: 1, files: 3, bytes: backup.bytes },
    ]);
  });

  it('holds none of the session’s words or names in its bytes', () => {
    const database = readFileSync(path.join(backup.folder, 'cairn.db'));
    expect(database.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
    for (const file of listFiles(backup.folder)) {
      const bytes = readFileSync(path.join(backup.folder, file));
      for (const secret of SECRETS)
        expect(bytes.includes(secret), `${secret} in ${file}`).toBe(false);
    }
    // The check itself finds words where they are: the source's transcript has them.
    expect(SHORT_SESSION.map(([, text]) => text).join(' ')).toContain('breathing exercise');
  });

  it('restores into a new folder: same sessions and rows, every page whole, and the recording processes', async () => {
    const target = path.join(temp.dir, 'restored');
    const restored = await runCairn(['restore', backup.folder, '--json'], { dataDir: target });
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({
      dataDir: target,
      sessions: 1,
      files: 3,
      previousMovedTo: null,
    });
    expect(readdirSync(temp.dir).filter((n) => n.includes('.restoring-'))).toEqual([]);
    const manifest = manifestOf(backup.folder);
    for (const table of ['clients', 'sessions', 'recordings', 'transcript_segments', 'speakers'])
      expect(countRows(target, table), table).toBe(manifest.rows[table]);
    expect(withRawDatabase(target, (db) => db.pragma('integrity_check', { simple: true }))).toBe(
      'ok',
    );
    const listed = await runCairn(['sessions', '--json'], { dataDir: target });
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout) as { id: string; clientName: string }[]).toEqual([
      expect.objectContaining({ id: sessionId, clientName: CLIENT }),
    ]);
    const processed = await runCairn(['process', JFK_MP3, '--skip-notes', '--force', '--json'], {
      dataDir: target,
      env: pipelineEnv(),
    });
    expect(processed.code, processed.stderr).toBe(0);
    const result = JSON.parse(processed.stdout) as { sessionId: string; status: string };
    expect(result).toMatchObject({ sessionId, status: 'completed' });
  }, 180_000);

  it('refuses a backup whose manifest or files were changed, and restores nothing', async () => {
    const cases: [string, (folder: string) => void, RegExp][] = [
      [
        'recording byte',
        (folder) => {
          const file = path.join(folder, manifestOf(folder).files[2]?.path ?? '');
          const bytes = readFileSync(file);
          bytes[1000] = (bytes[1000] ?? 0) ^ 0xff;
          writeFileSync(file, bytes);
        },
        /not what was backed up/,
      ],
      [
        'hash in manifest',
        (folder) => {
          const manifest = manifestOf(folder);
          const entry = manifest.files[2];
          if (entry) entry.sha256 = '0'.repeat(64);
          writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify(manifest));
        },
        /not what was backed up/,
      ],
      [
        'file and its hash together',
        (folder) => {
          const manifest = manifestOf(folder);
          const entry = manifest.files[2];
          if (!entry) return;
          writeFileSync(path.join(folder, entry.path), 'not the recording');
          entry.sizeBytes = 'not the recording'.length;
          entry.sha256 = createHash('sha256').update('not the recording').digest('hex');
          writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify(manifest));
        },
        // The file matches the edited hash: the manifest's seal is what catches it.
        /was changed after the backup was made/,
      ],
      [
        'row counts in manifest',
        (folder) => {
          const manifest = manifestOf(folder);
          manifest.rows.sessions = 0;
          writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify(manifest));
        },
        /was changed after the backup was made/,
      ],
    ];
    for (const [name, tamper, message] of cases) {
      const copy = path.join(temp.dir, `tampered-${name.replace(/\W+/g, '-')}`);
      cpSync(backup.folder, copy, { recursive: true });
      tamper(copy);
      const target = path.join(temp.dir, `never-${name.replace(/\W+/g, '-')}`);
      const refused = await runCairn(['restore', copy], { dataDir: target });
      expect(refused.code, name).toBe(2);
      expect(refused.stderr, name).toMatch(message);
      expect(existsSync(target), name).toBe(false);
    }
    expect(readdirSync(temp.dir).filter((n) => n.includes('.restoring-'))).toEqual([]);
  });

  it('refuses the wrong key with exit code 2', async () => {
    const target = path.join(temp.dir, 'wrong-key');
    const refused = await runCairn(['restore', backup.folder], {
      dataDir: target,
      env: { CAIRN_DB_KEY: 'ab'.repeat(32) },
    });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/cannot be opened with the key/);
    expect(existsSync(target)).toBe(false);
  });

  it('refuses a folder that is not empty unless --replace, which keeps the old library aside', async () => {
    const target = path.join(temp.dir, 'occupied');
    expect((await runCairn(['restore', backup.folder], { dataDir: target })).code).toBe(0);
    const before = await hashFile(path.join(target, 'cairn.db'), 'sha256');
    const refused = await runCairn(['restore', backup.folder], { dataDir: target });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/is not empty.*--replace/);
    const replaced = await runCairn(['restore', backup.folder, '--replace', '--json'], {
      dataDir: target,
    });
    expect(replaced.code, replaced.stderr).toBe(0);
    const { previousMovedTo } = JSON.parse(replaced.stdout) as { previousMovedTo: string };
    expect(path.dirname(previousMovedTo)).toBe(temp.dir);
    expect(path.basename(previousMovedTo)).toMatch(/^occupied\.replaced-/);
    expect(await hashFile(path.join(previousMovedTo, 'cairn.db'), 'sha256')).toBe(before);
    expect(countRows(target, 'sessions')).toBe(1);
  });
});
