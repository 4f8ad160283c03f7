import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PermanentError } from '../errors';

/**
 * Files at rest (recordings, prepared audio) as AES-256-GCM in fixed-size chunks, so a file of
 * any size streams through in constant memory and any byte range can be read back (the player
 * seeks) by decrypting only the chunks it covers.
 *
 * Layout: a 32-byte header — "CAIRNAE1", version, 3 reserved bytes, the chunk size (u32 BE) and
 * a random 16-byte salt — then each chunk's ciphertext followed by its 16-byte tag. Each file
 * has its own key, HKDF-SHA256(library key, salt), so chunk numbers can serve as nonces. Every
 * chunk authenticates the header and whether it is the last one: a changed byte, reordered chunks
 * or a cut-off file fail to decrypt instead of yielding wrong audio.
 */
const MAGIC = Buffer.from('CAIRNAE1', 'latin1');
const VERSION = 1;
const HEADER_BYTES = 32;
const TAG_BYTES = 16;
export const DEFAULT_CHUNK_BYTES = 64 * 1024;

interface Header {
  bytes: Buffer;
  chunkSize: number;
  fileKey: Buffer;
}

function newHeader(libraryKey: Buffer, chunkSize: number): Header {
  const bytes = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(bytes, 0);
  bytes.writeUInt8(VERSION, 8);
  bytes.writeUInt32BE(chunkSize, 12);
  randomBytes(16).copy(bytes, 16);
  return { bytes, chunkSize, fileKey: fileKeyOf(libraryKey, bytes) };
}

function parseHeader(libraryKey: Buffer, bytes: Buffer, file: string): Header {
  if (bytes.length < HEADER_BYTES || !bytes.subarray(0, 8).equals(MAGIC))
    throw damaged(file, 'it is not an encrypted Cairn file');
  if (bytes.readUInt8(8) !== VERSION) throw damaged(file, 'it was written by a newer Cairn');
  const chunkSize = bytes.readUInt32BE(12);
  if (chunkSize === 0 || chunkSize > 64 * 1024 * 1024) throw damaged(file, 'its header is damaged');
  return { bytes, chunkSize, fileKey: fileKeyOf(libraryKey, bytes) };
}

function fileKeyOf(libraryKey: Buffer, header: Buffer): Buffer {
  const salt = header.subarray(16, 32);
  return Buffer.from(hkdfSync('sha256', libraryKey, salt, 'cairn/file/v1', 32));
}

function nonce(index: number): Buffer {
  const bytes = Buffer.alloc(12);
  bytes.writeUIntBE(index, 6, 6);
  return bytes;
}

function aad(header: Header, last: boolean): Buffer {
  return Buffer.concat([header.bytes, Buffer.from([last ? 1 : 0])]);
}

function sealChunk(header: Header, index: number, plain: Buffer, last: boolean): Buffer {
  const cipher = createCipheriv('aes-256-gcm', header.fileKey, nonce(index));
  cipher.setAAD(aad(header, last));
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

function openChunk(header: Header, index: number, sealed: Buffer, last: boolean, file: string) {
  if (sealed.length < TAG_BYTES) throw damaged(file, 'it is cut short');
  const decipher = createDecipheriv('aes-256-gcm', header.fileKey, nonce(index));
  decipher.setAAD(aad(header, last));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw damaged(file, 'it was changed, cut short, or belongs to another library');
  }
}

function damaged(file: string, why: string): PermanentError {
  return new PermanentError(
    'encrypted_file_damaged',
    `Cairn cannot read ${file}: ${why}. Restore the library folder from a backup.`,
  );
}

/** Encrypts whatever flows through it; the last chunk is sealed when the input ends. */
export function encryptingStream(libraryKey: Buffer, chunkSize = DEFAULT_CHUNK_BYTES): Transform {
  const header = newHeader(libraryKey, chunkSize);
  let pending = Buffer.alloc(0);
  let index = 0;
  let started = false;
  const start = (stream: Transform) => {
    if (!started) stream.push(header.bytes);
    started = true;
  };
  return new Transform({
    transform(data: Buffer, _encoding, done: TransformCallback) {
      start(this);
      pending = Buffer.concat([pending, data]);
      // A chunk is sealed as "not last" only once more data follows it.
      while (pending.length > chunkSize) {
        this.push(sealChunk(header, index++, pending.subarray(0, chunkSize), false));
        pending = pending.subarray(chunkSize);
      }
      done();
    },
    flush(done: TransformCallback) {
      start(this);
      this.push(sealChunk(header, index, pending, true));
      done();
    },
  });
}

/** The size of the plain content, from the encrypted file's size alone. */
export async function plaintextSize(file: string, libraryKey: Buffer): Promise<number> {
  const handle = await open(file, 'r');
  try {
    return (await layoutOf(handle, libraryKey, file)).plainBytes;
  } finally {
    await handle.close();
  }
}

async function layoutOf(
  handle: Awaited<ReturnType<typeof open>>,
  libraryKey: Buffer,
  file: string,
) {
  const headerBytes = Buffer.alloc(HEADER_BYTES);
  await handle.read(headerBytes, 0, HEADER_BYTES, 0);
  const header = parseHeader(libraryKey, headerBytes, file);
  const body = (await handle.stat()).size - HEADER_BYTES;
  const sealedChunk = header.chunkSize + TAG_BYTES;
  const chunks = Math.max(1, Math.ceil(body / sealedChunk));
  const lastSealed = body - (chunks - 1) * sealedChunk;
  if (lastSealed < TAG_BYTES) throw damaged(file, 'it is cut short');
  const plainBytes = (chunks - 1) * header.chunkSize + lastSealed - TAG_BYTES;
  return { header, chunks, sealedChunk, plainBytes };
}

/**
 * The plain bytes `start`…`end` (inclusive; default: all), decrypting only the chunks they lie
 * in. Each chunk is verified before any of its bytes are given out.
 */
export function decryptingStream(
  file: string,
  libraryKey: Buffer,
  range: { start?: number; end?: number } = {},
): Readable {
  async function* chunks(): AsyncGenerator<Buffer> {
    const handle = await open(file, 'r');
    try {
      const { header, chunks, sealedChunk, plainBytes } = await layoutOf(handle, libraryKey, file);
      const start = Math.max(0, range.start ?? 0);
      const end = Math.min(plainBytes - 1, range.end ?? plainBytes - 1);
      if (plainBytes === 0 || end < start) {
        // An empty file still has its last chunk: checking it proves nothing was cut off.
        if (plainBytes === 0) openChunk(header, 0, await readSealed(0), true, file);
        return;
      }
      const first = Math.floor(start / header.chunkSize);
      const last = Math.floor(end / header.chunkSize);
      for (let index = first; index <= last; index += 1) {
        const plain = openChunk(header, index, await readSealed(index), index === chunks - 1, file);
        const from = index === first ? start - index * header.chunkSize : 0;
        const to = index === last ? end - index * header.chunkSize + 1 : plain.length;
        yield plain.subarray(from, to);
      }
      async function readSealed(index: number): Promise<Buffer> {
        const buffer = Buffer.alloc(sealedChunk);
        const { bytesRead } = await handle.read(
          buffer,
          0,
          sealedChunk,
          HEADER_BYTES + index * sealedChunk,
        );
        return buffer.subarray(0, bytesRead);
      }
    } finally {
      await handle.close();
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}

/** Encrypts `source` into `target` (fsynced before it returns). */
export async function encryptFile(
  source: string,
  target: string,
  libraryKey: Buffer,
): Promise<void> {
  const out = createWriteStream(target, { flags: 'wx', flush: true });
  await pipeline(createReadStream(source), encryptingStream(libraryKey), out);
}

/** Decrypts `source` into `target`: for a stage that needs the plain file on disk. */
export async function decryptFile(
  source: string,
  target: string,
  libraryKey: Buffer,
): Promise<void> {
  await pipeline(
    decryptingStream(source, libraryKey),
    createWriteStream(target, { flags: 'wx', mode: 0o600 }),
  );
}

/** Whether a file starts like one of these (a recording stored before encryption does not). */
export async function isEncryptedFile(file: string): Promise<boolean> {
  if (!(await stat(file).catch(() => undefined))) return false;
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(MAGIC.length);
    const { bytesRead } = await handle.read(head, 0, MAGIC.length, 0);
    return bytesRead === MAGIC.length && head.equals(MAGIC);
  } finally {
    await handle.close();
  }
}
