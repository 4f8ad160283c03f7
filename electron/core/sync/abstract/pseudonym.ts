import { createHmac, randomBytes } from 'node:crypto';
import type { DbOrTx } from '../../store/repositories/types';
import { getOrCreateSetting } from '../../store/repositories/settings';

/**
 * The library's pseudonym secret, made once and kept in the (encrypted) settings table. It is not
 * a registered setting, so neither `settings.get` nor the CLI ever shows it.
 */
const SECRET_KEY = 'sync.pseudonymSecret';

/**
 * What a session is called outside the device: HMAC-SHA256 of its id under a per-library secret,
 * 128 bits in hex. Stable (the same session always gets the same object key, so an upload is
 * idempotent) and not reversible without the secret, which never leaves the device.
 */
export function pseudonymFor(db: DbOrTx, sessionId: string): string {
  return pseudonymOf(db, 'session', sessionId);
}

/**
 * The same HMAC for any kind of record (a bulk export names clients by it too): the kind is part
 * of the message, so a client and a session never share a pseudonym.
 */
export function pseudonymOf(db: DbOrTx, kind: 'session' | 'client', id: string): string {
  const secret = getOrCreateSetting(db, SECRET_KEY, () => randomBytes(32).toString('hex'));
  return createHmac('sha256', Buffer.from(secret, 'hex'))
    .update(`${kind}:${id}`)
    .digest('hex')
    .slice(0, 32);
}
