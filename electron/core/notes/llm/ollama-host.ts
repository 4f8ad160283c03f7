import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { ValidationError } from '../../errors';

/** Which Ollama hosts Cairn may talk to: session text is PHI and stays on this computer. */

export const DEFAULT_OLLAMA_HOST = 'http://127.0.0.1:11434';

export interface HostOptions {
  /** Allow a host that is not this computer. Never a default: PHI must not leave by accident. */
  allowRemoteHost?: boolean;
}

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/**
 * Refuses a host that is not loopback (127.0.0.0/8, ::1, localhost) unless `allowRemoteHost`.
 * Parsed the way the `ollama` client parses it, so the host checked is the host it will call;
 * returns its hostname, the only one requests may then go to.
 */
export function checkOllamaHost(host: string, options: HostOptions = {}): string {
  const withScheme = host.startsWith(':')
    ? `http://127.0.0.1${host}`
    : host.includes('://')
      ? host
      : `http://${host}`;
  const url = URL.canParse(withScheme) ? new URL(withScheme) : undefined;
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
    throw new ValidationError(
      'llm_host_invalid',
      `"${host}" is not an Ollama address. Use one like ${DEFAULT_OLLAMA_HOST}.`,
    );
  }
  if (options.allowRemoteHost === true || isLoopbackHostname(url.hostname)) return url.hostname;
  throw new ValidationError(
    'llm_host_not_local',
    `Cairn only sends session text to an Ollama on this computer, and ${url.host} is not on it. ` +
      'Use a local address such as 127.0.0.1, or allow remote hosts explicitly.',
  );
}

function isLoopbackHostname(hostname: string): boolean {
  const bare = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost') return true;
  // WHATWG URL has already normalised numeric forms (2130706433, 0x7f.1) to dotted IPv4.
  if (isIPv4(bare)) return loopback.check(bare, 'ipv4');
  // Also matches IPv4-mapped addresses (::ffff:127.0.0.1).
  if (isIPv6(bare)) return loopback.check(bare, 'ipv6');
  return false;
}

/**
 * A fetch that calls only `hostname` and never follows a redirect (either could lead off this
 * computer), and that stops when any of `signals` aborts, also before the response has started.
 */
export function guardedFetch(
  base: typeof fetch,
  hostname: string,
  signals: (AbortSignal | undefined)[],
): typeof fetch {
  return (input, init) => {
    const target = new URL(input instanceof Request ? input.url : input);
    if (target.hostname !== hostname) {
      const refusal = `Cairn does not send requests to ${target.host}, only to ${hostname}.`;
      return Promise.reject(new ValidationError('llm_host_not_local', refusal));
    }
    const all = [init?.signal ?? undefined, ...signals].filter((s) => s !== undefined);
    return base(input, { ...init, redirect: 'error', signal: AbortSignal.any(all) });
  };
}
