import type { Db } from '../../store/open-database';
import { getClient } from '../../store/repositories/clients';
import { pseudonymOf } from '../../sync/abstract/pseudonym';
import { namesOnRecordOf } from '../../sync/abstract/session-facts';
import type { ScrubNames } from './scrub-text';

/**
 * How people and records are named in an export. Identified: Cairn's ids and the names as stored.
 * Pseudonymised (the default): sessions and clients by the library's HMAC pseudonyms (a session's
 * is the same as its S3 abstract's), names of signers and authors left out, and free text through
 * the S3 abstracts' de-identifier, with the client's own name replaced by the client's pseudonym.
 */
export interface ExportIdentity {
  identified: boolean;
  session(sessionId: string): string;
  client(clientId: string): string;
  /** The client's name; null when pseudonymised. */
  clientName(clientId: string): string | null;
  /** A signer's or an addendum's author's name; null when pseudonymised. */
  person(name: string | null): string | null;
  /** A speaker as the export calls them: their name when identified, else their role in words. */
  speaker(name: string | null, role: string, label: string): string;
  /**
   * What the de-identifier needs to scrub a record's free text (the names the library holds for
   * it, the client's pseudonym); null when identified: the texts are exported as they are.
   */
  scrubNames(sessionId: string | null, clientId: string | null): ScrubNames | null;
}

const ROLE_WORDS: Record<string, string> = {
  clinician: 'Clinician',
  client: 'Client',
  other: 'Other speaker',
};

export function identifiedExport(db: Db): ExportIdentity {
  return {
    identified: true,
    session: (id) => id,
    client: (id) => id,
    clientName: (id) => getClient(db, id)?.name ?? null,
    person: (name) => name,
    speaker: (name, role, label) => name ?? ROLE_WORDS[role] ?? `Speaker ${label}`,
    scrubNames: () => null,
  };
}

/** A client in a pseudonymised export: 64 bits of the HMAC, plenty to tell a practice's apart. */
export function clientPseudonym(db: Db, clientId: string): string {
  return `client-${pseudonymOf(db, 'client', clientId).slice(0, 16)}`;
}

export function pseudonymisedExport(db: Db): ExportIdentity {
  const clients = new Map<string, string>();
  const client = (id: string) => {
    let pseudonym = clients.get(id);
    if (!pseudonym) {
      pseudonym = clientPseudonym(db, id);
      clients.set(id, pseudonym);
    }
    return pseudonym;
  };
  return {
    identified: false,
    session: (id) => pseudonymOf(db, 'session', id),
    client,
    clientName: () => null,
    person: () => null,
    // A name the clinician gave a speaker is an identifier; the role says what the reader needs.
    speaker: (_name, role, label) => ROLE_WORDS[role] ?? `Speaker ${label}`,
    scrubNames: (sessionId, clientId) => {
      const record = clientId ? getClient(db, clientId) : undefined;
      return {
        knownNames: [
          ...(sessionId ? namesOnRecordOf(db, sessionId) : []),
          ...(record ? [record.name] : []),
        ],
        client: record ? { name: record.name, pseudonym: client(record.id) } : null,
      };
    },
  };
}
