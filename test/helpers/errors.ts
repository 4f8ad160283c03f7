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
