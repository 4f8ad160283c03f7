import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCore } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { dataLayout } from '../../electron/core/config/data-dir';
import { databaseIntegrityProblems } from '../../electron/core/security/database-cipher';
import { openDatabase } from '../../electron/core/store/open-database';
import { findOrCreateClient } from '../../electron/core/store/repositories/clients';
import { insertRecording } from '../../electron/core/store/repositories/recordings';
import { createSession } from '../../electron/core/store/repositories/sessions';
import { runCairn } from '../helpers/cli';
import { listFiles } from '../helpers/files';
import { makeTempDir, SAMPLE_WAV } from '../helpers/fixtures';
import { plainBytesOf } from '../helpers/stored-files';
import { seedTranscript } from '../helpers/notes';
import { countRows, testLibraryKey, withRawDatabase } from '../helpers/sqlite';

const CLIENT = 'Marisol Quintanilla-Brightwater';
const SECRET_LINES: readonly (readonly ['clinician' | 'client', string])[] = [
  ['clinician', 'How was the visit to the aquarium with Pemberton?'],
  ['client', 'The zebrafish tank calmed me down more than anything this month.'],
];
const SECRETS = [CLIENT, 'Pemberton', 'zebrafish', 'aquarium'];

const WRITER = path.join(__dirname, '../helpers/write-until-killed.ts');

/** The bytes of every database file of a library: the file itself and its WAL. */
function databaseBytes(dataDir: string): Buffer {
  const { database } = dataLayout(dataDir);
  return Buffer.concat(
    [database, `${database}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)),
  );
}

/** Encryption at rest of the database: what is on disk, wrong keys, crashes, old libraries. */
describe('the encrypted library', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());
  const library = (name: string) => path.join(temp.dir, name);

  it('keeps a session’s words and names out of the database’s bytes, on disk and in the WAL', async () => {
    const dataDir = library('bytes');
    const core = await startCore({ dataDir, actor: 'dr-lee', transport: 'in-process' });
    try {
      const client = await call(core, 'clients.create', { name: CLIENT });
      const sessionId = createSession(core.database.db, {
        clientId: client.id,
        date: '2026-11-26',
        kind: 'individual',
      });
      seedTranscript(core.database.db, sessionId, SECRET_LINES);
      // The same words are there for whoever has the key: the check below is not vacuous.
      const transcript = await call(core, 'sessions.transcript', { id: sessionId });
      expect(transcript.map((l) => l.text).join(' ')).toContain('zebrafish');
      const whileOpen = databaseBytes(dataDir);
      for (const secret of SECRETS) expect(whileOpen.includes(secret)).toBe(false);
    } finally {
      await core.shutdown();
    }
    const closed = databaseBytes(dataDir);
    expect(closed.length).toBeGreaterThan(4096);
    for (const secret of SECRETS) {
      expect(closed.includes(secret)).toBe(false);
      expect(closed.includes(Buffer.from(secret, 'utf16le'))).toBe(false);
    }
    expect(closed.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
  });

  it('refuses a wrong key or a malformed one with a clear message (exit 2), and opens with the right one', async () => {
    const dataDir = library('bytes');
    const wrong = await runCairn(['sessions'], {
      dataDir,
      env: { CAIRN_DB_KEY: 'ab'.repeat(32) },
    });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('cannot be opened with the key Cairn has');
    const malformed = await runCairn(['sessions'], { dataDir, env: { CAIRN_DB_KEY: 'hunter2' } });
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('64 hexadecimal characters');
    const right = await runCairn(['clients', '--json'], { dataDir });
    expect(right.code).toBe(0);
    expect(right.stdout).toContain(CLIENT);
  });

  it('refuses to make a library whose key it could not keep, and says what to do', async () => {
    // No CAIRN_DB_KEY: the key would go to the OS keyring, which this machine does not run.
    const dataDir = library('no-key-store');
    const result = await runCairn(['sessions'], { dataDir, env: { CAIRN_DB_KEY: '' } });
    if (result.code === 0) {
      // A desktop with a keyring: the key was kept there, so the library opens again.
      expect((await runCairn(['sessions'], { dataDir, env: { CAIRN_DB_KEY: '' } })).code).toBe(0);
      return;
    }
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot keep a key for a new library.*set CAIRN_DB_KEY/s);
    expect(existsSync(dataLayout(dataDir).database)).toBe(false);
  });

  it('survives kill -9 in the middle of writes: opens, passes the page-by-page check, keeps every commit', async () => {
    const file = path.join(library('crash'), 'cairn.db');
    for (const delayMs of [40, 120, 250, 400, 650]) {
      const child = spawn(process.execPath, ['--require', 'tsx/cjs', WRITER, file], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let committed = 0;
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.on('exit', (_code, signal) => resolve(signal)),
      );
      await new Promise<void>((resolve) => {
        child.stdout.on('data', (chunk: Buffer) => {
          const numbers = [...chunk.toString().matchAll(/committed (\d+)/g)];
          const last = numbers.at(-1);
          if (last) committed = Number(last[1]);
          if (committed > 0 && !child.killed)
            setTimeout(() => {
              child.kill('SIGKILL');
              resolve();
            }, delayMs);
        });
      });
      expect(await exited).toBe('SIGKILL');
      const reopened = openDatabase({ file, key: testLibraryKey() });
      try {
        expect(databaseIntegrityProblems(reopened.connection)).toEqual([]);
      } finally {
        reopened.close();
      }
      // Every commit the writer reported is there (and at most the one in flight besides).
      expect(countRows(file, 'clients')).toBeGreaterThanOrEqual(committed);
    }
  }, 60_000);

  it('detects a changed byte in an encrypted page', () => {
    const file = path.join(library('crash'), 'cairn.db');
    const bytes = readFileSync(file);
    const tampered = path.join(library('crash'), 'tampered.db');
    bytes[4096 + 200] = (bytes[4096 + 200] ?? 0) ^ 0x01; // inside the second page
    writeFileSync(tampered, bytes);
    const problems = withRawDatabase(tampered, (db) => databaseIntegrityProblems(db));
    expect(problems.length).toBeGreaterThan(0);
  });

  it('encrypts a library made before encryption with one command, losing nothing', async () => {
    const dataDir = library('old');
    const { database } = dataLayout(dataDir);
    // A library as Cairn wrote it before: plain SQLite, no library.json.
    const plain = openDatabase({ file: database });
    const client = findOrCreateClient(plain.db, CLIENT);
    const sessionId = createSession(plain.db, {
      clientId: client.id,
      date: '2026-10-01',
      kind: 'individual',
    });
    seedTranscript(plain.db, sessionId, SECRET_LINES);
    // …and its recording as it was stored then: in plain, named by its SHA-256.
    const audio = readFileSync(SAMPLE_WAV);
    const hash = createHash('sha256').update(audio).digest('hex');
    const plainRecording = path.join('recordings', hash.slice(0, 2), `${hash}.wav`);
    mkdirSync(path.join(dataDir, 'recordings', hash.slice(0, 2)), { recursive: true });
    writeFileSync(path.join(dataDir, plainRecording), audio);
    // …and its waveform, cached in plain then.
    const peaks = path.join(dataDir, 'cache', 'peaks', `${hash}.json`);
    mkdirSync(path.dirname(peaks), { recursive: true });
    writeFileSync(peaks, '{"durationSec":30,"peaks":[0.1]}');
    insertRecording(plain.db, {
      sessionId,
      contentHash: hash,
      originalName: 'session.wav',
      format: 'wav',
      durationSec: 30,
      sizeBytes: audio.length,
      storedPath: plainRecording,
    });
    plain.close();
    expect(readFileSync(database).includes('zebrafish')).toBe(true);

    const refused = await runCairn(['sessions'], { dataDir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('cairn encrypt-library');

    const encrypted = await runCairn(['encrypt-library', '--json'], { dataDir });
    expect(encrypted.code, encrypted.stderr).toBe(0);
    expect(JSON.parse(encrypted.stdout)).toMatchObject({ encrypted: true, recordings: 1 });
    for (const secret of SECRETS) expect(databaseBytes(dataDir).includes(secret)).toBe(false);
    expect(existsSync(`${database}.unencrypted`)).toBe(false);
    // The recording is encrypted under a keyed name, the plain file gone, the content the same.
    expect(existsSync(path.join(dataDir, plainRecording))).toBe(false);
    expect(existsSync(peaks)).toBe(false);
    const [stored] = listFiles(path.join(dataDir, 'recordings'));
    expect(stored).toMatch(/\.cairnenc$/);
    expect(stored).not.toContain(hash);
    expect((await plainBytesOf(path.join(dataDir, 'recordings', stored ?? ''))).equals(audio)).toBe(
      true,
    );

    const sessions = await runCairn(['sessions', '--json'], { dataDir });
    expect(sessions.code).toBe(0);
    expect(sessions.stdout).toContain(sessionId);
    expect(countRows(dataDir, 'transcript_segments')).toBe(SECRET_LINES.length);
    const again = await runCairn(['encrypt-library'], { dataDir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('encrypted already');
  }, 60_000);

  it('finishes an encryption a crash interrupted at the swap, whichever side of it', async () => {
    const dataDir = library('interrupted');
    const { database } = dataLayout(dataDir);
    const plain = openDatabase({ file: database });
    findOrCreateClient(plain.db, CLIENT);
    plain.close();
    // Crashed after the plain file stepped aside, before the encrypted one took its name.
    renameSync(database, `${database}.unencrypted`);
    writeFileSync(`${database}.encrypting`, 'half-written copy');
    const refused = await runCairn(['sessions'], { dataDir });
    expect(refused.stderr).toContain('cairn encrypt-library'); // the plain library is back
    expect(existsSync(`${database}.encrypting`)).toBe(false);
    expect((await runCairn(['encrypt-library'], { dataDir })).code).toBe(0);
    expect(countRows(dataDir, 'clients')).toBe(1);
    // Crashed after the swap, before the plain file was deleted: it goes at the next start, and so
    // does a new database a crash caught before it was linked into place.
    writeFileSync(`${database}.unencrypted`, readFileSync(database));
    const unlinked = `${database}.6f1c2b9e-8d4a-4c6b-9e2f-1a2b3c4d5e6f.new`;
    writeFileSync(unlinked, 'half-made database');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(unlinked, anHourAgo, anHourAgo);
    // One being made right now by another process is left alone.
    const fresh = `${database}.0a1b2c3d-8d4a-4c6b-9e2f-1a2b3c4d5e6f.new`;
    writeFileSync(fresh, 'being made');
    expect((await runCairn(['sessions'], { dataDir })).code).toBe(0);
    expect(existsSync(`${database}.unencrypted`)).toBe(false);
    expect(existsSync(unlinked)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
  }, 60_000);
});
