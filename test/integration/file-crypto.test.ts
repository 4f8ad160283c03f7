import { randomBytes } from 'node:crypto';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import {
  decryptFile,
  decryptingStream,
  encryptFile,
  encryptingStream,
  isEncryptedFile,
  plaintextSize,
} from '../../electron/core/security/file-crypto';
import { rejection } from '../helpers/errors';
import { makeTempDir } from '../helpers/fixtures';

const KEY = randomBytes(32);
const CHUNK = 1024; // small chunks, so a few kilobytes cross many chunk boundaries

async function collect(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** Recordings at rest: AES-256-GCM in chunks, streamed both ways, any byte range readable. */
describe('encrypted files', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());
  let serial = 0;
  const encrypt = async (plain: Buffer) => {
    const file = path.join(temp.dir, `f${serial++}.enc`);
    // Fed in uneven pieces, as a file stream would.
    const pieces = [0, 7, 1000, 3000].map((at, i, all) => plain.subarray(at, all[i + 1]));
    await pipeline(Readable.from(pieces), encryptingStream(KEY, CHUNK), createWriteStream(file));
    return file;
  };

  it('reads back exactly what was written, for sizes on and around chunk boundaries', async () => {
    for (const size of [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 3 * CHUNK + 517]) {
      const plain = randomBytes(size);
      const file = await encrypt(plain);
      expect(await collect(decryptingStream(file, KEY))).toEqual(plain);
      expect(await plaintextSize(file, KEY)).toBe(size);
      expect(await isEncryptedFile(file)).toBe(true);
    }
  });

  it('serves any byte range by decrypting only the chunks it covers', async () => {
    const plain = randomBytes(5 * CHUNK + 123);
    const file = await encrypt(plain);
    for (const [start, end] of [
      [0, 0],
      [CHUNK - 1, CHUNK],
      [1500, 4200],
      [5 * CHUNK, 5 * CHUNK + 122],
      [100, 10 ** 9],
    ] as const) {
      const slice = await collect(decryptingStream(file, KEY, { start, end }));
      expect(slice).toEqual(plain.subarray(start, end + 1));
    }
  });

  it('keeps the plain bytes out of the file, and gives each file its own key', async () => {
    const plain = Buffer.from('Maria said her sister Ana lives on Elm Street. '.repeat(200));
    const [a, b] = [await encrypt(plain), await encrypt(plain)];
    const [bytesA, bytesB] = [readFileSync(a), readFileSync(b)];
    expect(bytesA.includes('Maria')).toBe(false);
    expect(bytesA.includes('Elm Street')).toBe(false);
    // Same content, different salt and so different ciphertext: equal recordings do not show.
    expect(bytesA.subarray(32, 96).equals(bytesB.subarray(32, 96))).toBe(false);
  });

  it('refuses a changed byte, a cut-off end, swapped chunks and the wrong key', async () => {
    const plain = randomBytes(4 * CHUNK);
    const file = await encrypt(plain);
    const bytes = readFileSync(file);
    const variant = (name: string, change: (b: Buffer) => Buffer) => {
      const target = path.join(temp.dir, name);
      writeFileSync(target, change(Buffer.from(bytes)));
      return target;
    };
    const sealed = CHUNK + 16;
    const flipped = variant('flipped.enc', (b) => {
      b[32 + sealed + 10] = (b[32 + sealed + 10] ?? 0) ^ 1;
      return b;
    });
    const cut = variant('cut.enc', (b) => b.subarray(0, 32 + 3 * sealed));
    const swapped = variant('swapped.enc', (b) =>
      Buffer.concat([
        b.subarray(0, 32),
        b.subarray(32 + sealed, 32 + 2 * sealed),
        b.subarray(32, 32 + sealed),
        b.subarray(32 + 2 * sealed),
      ]),
    );
    for (const damaged of [flipped, cut, swapped])
      expect(await rejection(collect(decryptingStream(damaged, KEY)))).toMatchObject({
        code: 'encrypted_file_damaged',
      });
    expect(await rejection(collect(decryptingStream(file, randomBytes(32))))).toMatchObject({
      code: 'encrypted_file_damaged',
    });
  });

  it('encrypts and decrypts whole files on disk', async () => {
    const source = path.join(temp.dir, 'plain.bin');
    const plain = randomBytes(300_000);
    writeFileSync(source, plain);
    const sealed = path.join(temp.dir, 'sealed.enc');
    const opened = path.join(temp.dir, 'opened.bin');
    await encryptFile(source, sealed, KEY);
    await decryptFile(sealed, opened, KEY);
    expect(readFileSync(opened)).toEqual(plain);
    expect(await isEncryptedFile(source)).toBe(false);
  });
});
