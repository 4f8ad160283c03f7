import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/store/open-database';
import { PermanentError } from '../../electron/core/errors';
import { findOrCreateClient, listClients } from '../../electron/core/store/repositories/clients';
import { getSetting, setSetting } from '../../electron/core/store/repositories/settings';
import { z } from 'zod';
import { makeTempDir } from '../helpers/fixtures';
import {
  addMigrationFromTheFuture,
  countRows,
  testLibraryKey,
  withRawDatabase,
} from '../helpers/sqlite';

const EXPECTED_TABLES = [
  'audit_log',
  'brief_memos',
  'briefs',
  'clients',
  'couples_summaries',
  'follow_ups',
  'goal_progress',
  'joint_sessions',
  'note_addenda',
  'note_refinements',
  'note_revisions',
  'note_templates',
  'notes',
  'participant_summaries',
  'partner_links',
  'pipeline_runs',
  'pipeline_stages',
  'plan_proposals',
  'recordings',
  'risk_flags',
  // Search: the index's tables, and FTS5's own shadow tables of search_fts.
  'search_dirty',
  'search_documents',
  'search_fts',
  'search_fts_config',
  'search_fts_data',
  'search_fts_docsize',
  'search_fts_idx',
  'search_state',
  'search_vectors',
  'session_participants',
  'sessions',
  'settings',
  'speakers',
  'sync_outbox',
  'template_versions',
  'transcript_revisions',
  'transcript_segments',
  'treatment_plans',
  'voice_examples',
];

function tableNames(file: string): string[] {
  return withRawDatabase(file, (db) =>
    (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
        name: string;
      }[]
    )
      .map((r) => r.name)
      .filter((name) => !name.startsWith('sqlite_') && !name.startsWith('__')),
  );
}

const migrationCount = (file: string) => countRows(file, '__drizzle_migrations');

describe('openDatabase', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let file: string;
  beforeEach(() => {
    temp = makeTempDir();
    file = path.join(temp.dir, 'cairn.db');
  });
  afterEach(() => temp.remove());

  it('applies the migrations to an empty database', () => {
    openDatabase({ file, key: testLibraryKey() }).close();
    expect(tableNames(file)).toEqual(EXPECTED_TABLES);
    expect(migrationCount(file)).toBeGreaterThan(0);
  });

  it('is idempotent: opening again applies nothing and keeps the data', () => {
    const first = openDatabase({ file, key: testLibraryKey() });
    findOrCreateClient(first.db, 'Ada');
    first.close();
    const applied = migrationCount(file);

    const second = openDatabase({ file, key: testLibraryKey() });
    expect(listClients(second.db).map((c) => c.name)).toEqual(['Ada']);
    second.close();
    expect(migrationCount(file)).toBe(applied);
  });

  it('sets the durability pragmas', () => {
    const { connection, close } = openDatabase({
      file,
      key: testLibraryKey(),
      busyTimeoutMs: 1234,
    });
    try {
      expect(connection.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(connection.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(connection.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(connection.pragma('busy_timeout', { simple: true })).toBe(1234);
    } finally {
      close();
    }
  });

  it('enforces foreign keys', () => {
    const { connection, close } = openDatabase({ file, key: testLibraryKey() });
    try {
      expect(() =>
        connection
          .prepare(
            "INSERT INTO sessions (id, client_id, date) VALUES ('s1', 'no-such-client', '2026-01-01')",
          )
          .run(),
      ).toThrow(/FOREIGN KEY/);
    } finally {
      close();
    }
  });

  it('refuses a database written by a newer Cairn, with a clear message, and leaves it untouched', () => {
    openDatabase({ file, key: testLibraryKey() }).close();
    addMigrationFromTheFuture(file);
    const before = migrationCount(file);

    let caught: unknown;
    try {
      openDatabase({ file, key: testLibraryKey() });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PermanentError);
    expect((caught as PermanentError).code).toBe('database_too_new');
    expect((caught as PermanentError).userMessage).toMatch(/newer version of Cairn/);
    expect(migrationCount(file)).toBe(before);
  });

  it('stores settings as validated JSON', () => {
    const { db, close } = openDatabase({ file, key: testLibraryKey() });
    try {
      const Threads = z.number().int().positive();
      expect(getSetting(db, 'threads', Threads, 2)).toBe(2);
      setSetting(db, 'threads', 4);
      setSetting(db, 'threads', 6);
      expect(getSetting(db, 'threads', Threads, 2)).toBe(6);
      setSetting(db, 'threads', 'many');
      expect(getSetting(db, 'threads', Threads, 2)).toBe(2);
    } finally {
      close();
    }
  });
});
