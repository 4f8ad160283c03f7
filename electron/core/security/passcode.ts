import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';
import type { DbOrTx } from '../store/repositories/types';
import { deleteSetting, getSetting, setSetting } from '../store/repositories/settings';

/**
 * Where the passcode's hash is kept: the settings table, under a key that is not in the settings
 * registry (config/settings.ts), so settings.get never returns it and settings.set cannot write it.
 */
const PASSCODE_KEY = 'security.passcodeHash';

/**
 * scrypt with N = 2^15, r = 8 (OWASP's recommended minimum is 2^17 for passwords stored off the
 * machine; this hash sits inside the encrypted database, so the cost only slows guessing at the
 * lock screen, where tries are throttled anyway). About 100 ms and 32 MB per try.
 */
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

const PasscodeRecord = z.object({
  algorithm: z.literal('scrypt'),
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
  salt: z.string(),
  hash: z.string(),
});
type PasscodeRecord = z.infer<typeof PasscodeRecord>;

function derive(passcode: string, salt: Buffer, cost: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem: scrypt needs 128 * N * r bytes; Node's default limit (32 MB) is just below that.
    scrypt(
      passcode.normalize('NFC'),
      salt,
      KEY_LENGTH,
      { ...cost, maxmem: 64 * 1024 * 1024 },
      (e, key) => (e ? reject(e) : resolve(key)),
    );
  });
}

export async function hashPasscode(passcode: string): Promise<PasscodeRecord> {
  const salt = randomBytes(16);
  const hash = await derive(passcode, salt, COST);
  return {
    algorithm: 'scrypt',
    ...COST,
    salt: salt.toString('base64'),
    hash: hash.toString('base64'),
  };
}

export async function passcodeMatches(record: PasscodeRecord, passcode: string): Promise<boolean> {
  const expected = Buffer.from(record.hash, 'base64');
  const given = await derive(passcode, Buffer.from(record.salt, 'base64'), {
    N: record.N,
    r: record.r,
    p: record.p,
  });
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function readPasscode(db: DbOrTx): PasscodeRecord | null {
  return getSetting(db, PASSCODE_KEY, PasscodeRecord.nullable(), null);
}

/** A new (or no) passcode also starts the count of wrong tries again. */
export function storePasscode(db: DbOrTx, record: PasscodeRecord | null): void {
  if (record) setSetting(db, PASSCODE_KEY, record);
  else deleteSetting(db, PASSCODE_KEY);
  deleteSetting(db, FAILURES_KEY);
}

/**
 * Wrong passcodes in a row and when the next try is allowed. Kept in the (encrypted) database, not
 * in memory: otherwise quitting and restarting Cairn would reset the wait and speed up guessing.
 */
const FAILURES_KEY = 'security.unlockFailures';
const UnlockFailures = z.object({ wrongTries: z.number().int().min(0), retryAt: z.number() });
export type UnlockFailures = z.infer<typeof UnlockFailures>;

export function readUnlockFailures(db: DbOrTx): UnlockFailures {
  return getSetting(db, FAILURES_KEY, UnlockFailures, { wrongTries: 0, retryAt: 0 });
}

export function storeUnlockFailures(db: DbOrTx, failures: UnlockFailures): void {
  if (failures.wrongTries === 0) deleteSetting(db, FAILURES_KEY);
  else setSetting(db, FAILURES_KEY, failures);
}
