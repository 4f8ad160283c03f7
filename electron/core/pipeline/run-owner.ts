import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** A running run's owner writes a heartbeat this often… */
export const HEARTBEAT_MS = 1000;
/** …and is presumed gone after this long without one (a hung or suspended process). */
export const LEASE_MS = 15_000;

/** This process, as a run owner: host, pid and a nonce (a pid can be reused after a crash). */
export function newOwnerId(): string {
  const id = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  ownIds.add(id);
  return id;
}

/** Owners this process created: an owner with our pid but not among them died before us. */
const ownIds = new Set<string>();

/**
 * Whether a run's owner may still be working on it. On this machine a dead pid settles it at once
 * (a crashed or killed runner); otherwise the heartbeat decides.
 */
export function ownerAlive(
  owner: string | null,
  heartbeatAt: number | null,
  now = Date.now(),
): boolean {
  if (!owner) return false;
  const [host, pidText] = owner.split(':');
  if (host === hostname()) {
    const pid = Number(pidText);
    if (!Number.isInteger(pid) || !processExists(pid)) return false;
    if (pid === process.pid && !ownIds.has(owner)) return false;
  }
  return heartbeatAt !== null && now - heartbeatAt < LEASE_MS;
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
