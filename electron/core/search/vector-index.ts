import { SENTENCE_EMBEDDING_SIZE as DIMS } from '../notes/risk/semantic/sentence-encoder';
import type { SqliteConnection } from '../store/sqlite-driver';
import { VectorScanner } from './vector-scan';

/**
 * Every vector of the library in memory, int8 with a scale per vector, searched by brute force.
 * Measured on this machine (100k vectors of 384, SQLCipher, see docs/search.md): sqlite-vec's
 * vec0 KNN took ~480 ms a query (it reads and decrypts every page), a scan in JS ~70 ms
 * (float32 or int8 alike) once loaded. int8 keeps 100k vectors in 38 MB instead of 154 MB, and
 * the ranking it gives is that of float32 to within the quantisation error (~0.4% of a cosine).
 */
export interface VectorRow {
  groupKey: string;
  owner: string;
  sessionId: string | null;
  vector: Buffer;
  scale: number;
}

export interface VectorMatch {
  groupKey: string;
  score: number;
}

/** An L2-normalised vector as int8 and the scale that restores it. */
export function quantize(vector: Float32Array): { bytes: Buffer; scale: number } {
  let max = 0;
  for (const value of vector) max = Math.max(max, Math.abs(value));
  const scale = max > 0 ? max / 127 : 1;
  const bytes = Buffer.alloc(vector.length);
  vector.forEach((value, d) => bytes.writeInt8(Math.round(value / scale), d));
  return { bytes, scale };
}

interface Slot {
  groupKey: string;
  owner: string;
  sessionId: string | null;
}

/** Typed arrays over shared memory, so the scan thread reads them without a copy. */
const sharedInt8 = (length: number) => new Int8Array(new SharedArrayBuffer(length));
const sharedFloat32 = (length: number) => new Float32Array(new SharedArrayBuffer(length * 4));

export class VectorIndex {
  private data = sharedInt8(0);
  private scales = sharedFloat32(0);
  private slots: Slot[] = [];
  /** Whether a scan was given the current arrays: a change then writes to fresh copies. */
  private shared = false;
  private scans = 0;
  private readonly scanner = new VectorScanner();
  private readonly slotOf = new Map<string, number>();
  private signature: string | undefined;

  get size(): number {
    return this.slots.length;
  }

  /** Reloads when another process (the CLI, a rebuild) changed the vectors since the last look. */
  ensureFresh(connection: SqliteConnection): void {
    const now = currentSignature(connection);
    if (now === this.signature) return;
    this.clear();
    const rows = connection
      .prepare(
        `SELECT group_key AS groupKey, owner, session_id AS sessionId, vector, scale
           FROM search_vectors`,
      )
      .all() as VectorRow[];
    this.reserve(rows.length);
    for (const row of rows) this.put(row);
    this.signature = now;
  }

  /** What this process itself just wrote, applied without a reload. */
  apply(connection: SqliteConnection, removed: readonly string[], added: readonly VectorRow[]) {
    const before = this.signature;
    for (const key of removed) this.remove(key);
    this.reserve(this.slots.length + added.length);
    for (const row of added) this.put(row);
    // Only when nothing else changed meanwhile is this copy known current.
    if (before !== undefined) this.signature = currentSignature(connection);
  }

  /**
   * The best matches at or above `floor` among the slots `allow` accepts, scanned on the scan
   * thread; on the calling thread if that thread cannot run.
   */
  async scan(
    query: Float32Array,
    allow: ((slot: Slot) => boolean) | null,
    top: number,
    floor: number,
  ): Promise<VectorMatch[]> {
    const { data, scales, slots } = this;
    const mask = allow ? Uint8Array.from(slots, (slot) => (allow(slot) ? 1 : 0)) : null;
    this.shared = true;
    this.scans += 1;
    try {
      const request = { data, scales, count: slots.length, dims: DIMS, query, top, floor };
      const found = await this.scanner.scan({ ...request, allow: mask });
      return found.slots.flatMap((index, k) => {
        const slot = slots[index];
        return slot ? [{ groupKey: slot.groupKey, score: found.scores[k] ?? 0 }] : [];
      });
    } catch {
      return this.search(query, allow ?? (() => true), top, floor);
    } finally {
      this.scans -= 1;
      // The last scan of these arrays is over: they may be changed in place again.
      if (this.scans === 0 && this.data === data) this.shared = false;
    }
  }

  close(): void {
    this.scanner.close();
  }

  /** The best matches at or above `floor`, among the slots `allow` accepts (this thread). */
  search(
    query: Float32Array,
    allow: (slot: Slot) => boolean,
    top: number,
    floor: number,
  ): VectorMatch[] {
    const found: VectorMatch[] = [];
    const { data, scales, slots } = this;
    // Four running sums over a float64 copy of the query: ~1.5× faster in V8 than one sum.
    const q = Float64Array.from(query);
    for (let i = 0, offset = 0; i < slots.length; i++, offset += DIMS) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let d = 0; d < DIMS; d += 4) {
        s0 += (data[offset + d] ?? 0) * (q[d] ?? 0);
        s1 += (data[offset + d + 1] ?? 0) * (q[d + 1] ?? 0);
        s2 += (data[offset + d + 2] ?? 0) * (q[d + 2] ?? 0);
        s3 += (data[offset + d + 3] ?? 0) * (q[d + 3] ?? 0);
      }
      const score = (s0 + s1 + s2 + s3) * (scales[i] ?? 0);
      const slot = slots[i];
      if (score >= floor && slot && allow(slot)) found.push({ groupKey: slot.groupKey, score });
    }
    return found.sort((a, b) => b.score - a.score).slice(0, top);
  }

  private clear(): void {
    this.slots = [];
    this.slotOf.clear();
  }

  /** Before a change after a scan began: the scan keeps the arrays it was given, unchanged. */
  private detach(): void {
    if (!this.shared) return;
    this.shared = false;
    const data = sharedInt8(this.data.length);
    data.set(this.data);
    const scales = sharedFloat32(this.scales.length);
    scales.set(this.scales);
    this.data = data;
    this.scales = scales;
    this.slots = this.slots.slice();
  }

  private reserve(count: number): void {
    if (count * DIMS <= this.data.length) return;
    const capacity = Math.max(count, Math.ceil(this.slots.length * 1.5), 1024);
    const data = sharedInt8(capacity * DIMS);
    data.set(this.data.subarray(0, this.slots.length * DIMS));
    const scales = sharedFloat32(capacity);
    scales.set(this.scales.subarray(0, this.slots.length));
    this.data = data;
    this.scales = scales;
  }

  private put(row: VectorRow): void {
    this.detach();
    const existing = this.slotOf.get(row.groupKey);
    const index = existing ?? this.slots.length;
    const slot = { groupKey: row.groupKey, owner: row.owner, sessionId: row.sessionId };
    if (existing === undefined) this.slots.push(slot);
    else this.slots[index] = slot;
    this.slotOf.set(row.groupKey, index);
    this.data.set(new Int8Array(row.vector.buffer, row.vector.byteOffset, DIMS), index * DIMS);
    this.scales[index] = row.scale;
  }

  /** Swaps the last slot into the removed one, so the matrix stays dense. */
  private remove(groupKey: string): void {
    const index = this.slotOf.get(groupKey);
    if (index === undefined) return;
    this.detach();
    const last = this.slots.length - 1;
    const moved = this.slots[last];
    if (moved && index !== last) {
      this.slots[index] = moved;
      this.slotOf.set(moved.groupKey, index);
      this.data.copyWithin(index * DIMS, last * DIMS, (last + 1) * DIMS);
      this.scales[index] = this.scales[last] ?? 0;
    }
    this.slots.pop();
    this.slotOf.delete(groupKey);
  }
}

/** The newest vector id and the count of removals (search-sql.ts): two lookups, no scan. */
function currentSignature(connection: SqliteConnection): string {
  const row = connection
    .prepare(
      `SELECT (SELECT coalesce(max(id), 0) FROM search_vectors) AS m,
              (SELECT value FROM search_state WHERE key = 'vectors_removed') AS r`,
    )
    .get() as { m: number; r: number | null };
  return `${row.m}:${row.r ?? 0}`;
}
