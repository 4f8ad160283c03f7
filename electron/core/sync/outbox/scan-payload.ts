import type { DbOrTx } from '../../store/repositories/types';
import { pseudonymFor } from '../abstract/pseudonym';
import { knownNamesOf } from '../abstract/session-facts';
import { findIdentifiers, type IdentifierCategory } from '../deidentify';

export interface PayloadScan {
  clean: boolean;
  /** Categories found (never the text found: that is the identifier itself). */
  categories: IdentifierCategory[];
  count: number;
}

/**
 * The last gate before the network: the exact bytes about to be sent are scanned again with the
 * session's known names as they are now (a speaker named after the approval counts too). The
 * session's own pseudonym is the one identifier-shaped string allowed: Cairn made it to stand in
 * for the session, and it is not reversible off the device. Anything else found blocks the upload.
 */
export function scanPayload(db: DbOrTx, sessionId: string, payload: string): PayloadScan {
  const pseudonym = pseudonymFor(db, sessionId);
  const findings = findIdentifiers(payload, { knownNames: knownNamesOf(db, sessionId) }).filter(
    (found) => found.text !== pseudonym,
  );
  const categories = [...new Set(findings.map((found) => found.category))].sort();
  return { clean: findings.length === 0, categories, count: findings.length };
}
