import { createHash } from 'node:crypto';
import { CancelledError } from '../errors';
import type { SqliteConnection } from '../store/sqlite-driver';
import { ownerDocuments } from './documents/owner-documents';
import type { SearchDocument } from './documents/search-document';
import { COUNT_REMOVAL } from './search-sql';
import type { EncoderClient } from './encoder-client';
import { quantize, type VectorIndex, type VectorRow } from './vector-index';

/**
 * Brings the index up to what the library holds, owner by owner, from the queue the triggers
 * fill (search_dirty). Text first (fast, one transaction per owner: its passages replaced whole),
 * then vectors (slow, embedded outside any transaction and written only if the owner did not
 * change meanwhile). A crash anywhere leaves the queue row, so the next drain resumes there.
 */

/** Texts per request to the encoder: small, so a query's embedding never waits long behind them. */
const EMBED_CHUNK = 16;

interface Queued {
  owner: string;
  version: number;
}

const textHash = (text: string) => createHash('sha1').update(text).digest('base64');

/** Re-reads up to `max` owners' passages; returns how many were done. */
export function drainText(
  connection: SqliteConnection,
  vectors: VectorIndex | undefined,
  max = 50,
): number {
  const queued = connection
    .prepare("SELECT owner FROM search_dirty WHERE stage = 'text' ORDER BY rowid LIMIT ?")
    .all(max) as { owner: string }[];
  for (const { owner } of queued) {
    // Immediate: the write lock is taken before reading, so the passages written are exactly
    // what the source tables hold at commit, whoever else writes to the library.
    const removed = connection
      .transaction(() => {
        const read = ownerDocuments(connection, owner);
        writePassages(connection, owner, read.documents);
        const stale = (
          connection
            .prepare('SELECT group_key AS groupKey FROM search_vectors WHERE owner = ?')
            .all(owner) as { groupKey: string }[]
        )
          .map((row) => row.groupKey)
          .filter((key) => !read.groups.has(key));
        const drop = connection.prepare('DELETE FROM search_vectors WHERE group_key = ?');
        for (const key of stale) drop.run(key);
        if (stale.length > 0) connection.exec(COUNT_REMOVAL);
        connection.prepare("UPDATE search_dirty SET stage = 'vectors' WHERE owner = ?").run(owner);
        return stale;
      })
      .immediate();
    if (removed.length > 0) vectors?.apply(connection, removed, []);
  }
  return queued.length;
}

const COLUMNS = `key, owner, group_key AS groupKey, source, client_id AS clientId,
  session_id AS sessionId, day, segment_id AS segmentId, start_ms AS startMs, note_id AS noteId,
  section_key AS sectionKey, plan_id AS planId, brief_id AS briefId, label, position, text`;

/**
 * An owner's passages written as a difference from what the index holds: an unchanged passage
 * keeps its row (and rowid, and FTS entry), a changed one is replaced, a gone one deleted. One
 * corrected line of a 500-line transcript is then one FTS change, not a thousand, and rowids
 * (never reused) do not run up with every edit.
 */
function writePassages(
  connection: SqliteConnection,
  owner: string,
  documents: readonly SearchDocument[],
): void {
  const held = new Map(
    (
      connection
        .prepare(`SELECT id, ${COLUMNS} FROM search_documents WHERE owner = ?`)
        .all(owner) as (SearchDocument & { id: number })[]
    ).map((row) => [row.key, row]),
  );
  const drop = connection.prepare('DELETE FROM search_documents WHERE id = ?');
  const insert = connection.prepare(
    `INSERT INTO search_documents (key, owner, group_key, source, client_id, session_id, day,
       segment_id, start_ms, note_id, section_key, plan_id, brief_id, label, position, text)
     VALUES (@key, @owner, @groupKey, @source, @clientId, @sessionId, @day, @segmentId, @startMs,
       @noteId, @sectionKey, @planId, @briefId, @label, @position, @text)`,
  );
  for (const document of documents) {
    const row = held.get(document.key);
    held.delete(document.key);
    if (row && sameDocument(row, document)) continue;
    if (row) drop.run(row.id);
    insert.run(document);
  }
  for (const row of held.values()) drop.run(row.id);
}

function sameDocument(row: SearchDocument, document: SearchDocument): boolean {
  return (Object.keys(document) as (keyof SearchDocument)[]).every(
    (field) => row[field] === document[field],
  );
}

/** The text of each of an owner's vector groups, as its passages now read. */
function groupTexts(connection: SqliteConnection, owner: string): Map<string, string> {
  const rows = connection
    .prepare(
      'SELECT group_key AS groupKey, text FROM search_documents WHERE owner = ? ORDER BY position',
    )
    .all(owner) as { groupKey: string; text: string }[];
  const groups = new Map<string, string>();
  for (const row of rows) {
    const before = groups.get(row.groupKey);
    groups.set(row.groupKey, before ? `${before} ${row.text}` : row.text);
  }
  return groups;
}

export interface VectorDrainOptions {
  max?: number;
  signal?: AbortSignal;
  /** A rebuild re-embeds vectors made before it started, even when their text is unchanged. */
  embeddedBefore?: number;
}

/** Embeds what up to `max` owners lack; returns how many owners were finished. */
export async function drainVectors(
  connection: SqliteConnection,
  encoder: EncoderClient,
  vectors: VectorIndex,
  options: VectorDrainOptions = {},
): Promise<number> {
  const queued = connection
    .prepare(
      "SELECT owner, version FROM search_dirty WHERE stage = 'vectors' ORDER BY rowid LIMIT ?",
    )
    .all(options.max ?? 20) as Queued[];
  let finished = 0;
  for (const { owner, version } of queued) {
    if (options.signal?.aborted) throw new CancelledError();
    const groups = groupTexts(connection, owner);
    const known = new Map(
      (
        connection
          .prepare(
            `SELECT group_key AS groupKey, text_hash AS hash, embedded_at AS at
               FROM search_vectors WHERE owner = ?`,
          )
          .all(owner) as { groupKey: string; hash: string; at: number }[]
      ).map((row) => [row.groupKey, row]),
    );
    const todo = [...groups].filter(([key, text]) => {
      const have = known.get(key);
      return have?.hash !== textHash(text) || have.at < (options.embeddedBefore ?? 0);
    });
    const added: (VectorRow & { hash: string })[] = [];
    for (let first = 0; first < todo.length; first += EMBED_CHUNK) {
      if (options.signal?.aborted) throw new CancelledError();
      const chunk = todo.slice(first, first + EMBED_CHUNK);
      const embedded = await encoder.embed(chunk.map(([, text]) => text));
      chunk.forEach(([groupKey, text], i) => {
        const vector = embedded[i];
        if (!vector) return;
        const { bytes, scale } = quantize(vector);
        const sessionId = owner.startsWith('p:') ? null : owner.slice(2);
        added.push({ groupKey, owner, sessionId, vector: bytes, scale, hash: textHash(text) });
      });
    }
    if (writeVectors(connection, owner, version, added)) {
      vectors.apply(connection, [], added);
      finished += 1;
    }
  }
  return finished;
}

/** Written only if the owner was not changed while it was being embedded (else it is redone). */
function writeVectors(
  connection: SqliteConnection,
  owner: string,
  version: number,
  added: (VectorRow & { hash: string })[],
): boolean {
  return connection
    .transaction(() => {
      const still = connection
        .prepare("SELECT 1 FROM search_dirty WHERE owner = ? AND version = ? AND stage = 'vectors'")
        .get(owner, version);
      if (!still) return false;
      const put = connection.prepare(
        `INSERT OR REPLACE INTO search_vectors
           (group_key, owner, session_id, text_hash, vector, scale, embedded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      const now = Date.now();
      for (const row of added) {
        put.run(row.groupKey, row.owner, row.sessionId, row.hash, row.vector, row.scale, now);
      }
      connection.prepare('DELETE FROM search_dirty WHERE owner = ?').run(owner);
      return true;
    })
    .immediate();
}

/** What is still to index: passages to re-read, and owners whose vectors are missing. */
export function pendingCounts(connection: SqliteConnection): { text: number; vectors: number } {
  const rows = connection
    .prepare('SELECT stage, count(*) AS n FROM search_dirty GROUP BY stage')
    .all() as { stage: string; n: number }[];
  const count = (stage: string) => rows.find((r) => r.stage === stage)?.n ?? 0;
  return { text: count('text'), vectors: count('vectors') };
}
