import type { Envelope } from '../../shared/api/envelope';
import type { ApiError } from '../../shared/api/schemas';
import { CairnError } from '../../electron/core/errors';

/** The CairnError a promise rejects with; anything else (or success) fails the test. */
export async function rejection(promise: Promise<unknown>): Promise<CairnError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CairnError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

/** The error an API envelope carries; a success fails the test. */
export function envelopeError(envelope: Envelope): ApiError {
  if (envelope.ok) throw new Error('expected an error envelope');
  return envelope.error;
}
