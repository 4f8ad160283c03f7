import type { ErrorCategory } from '../../shared/domain/enums';
import type { ApiError } from '../../shared/api/schemas';

/**
 * The error hierarchy. Every error that can reach a clinician is a CairnError with a category
 * (which decides retry and exit code) and a message written for a person, not a stack trace.
 */
export abstract class CairnError extends Error {
  abstract readonly category: ErrorCategory;

  constructor(
    /** Stable machine-readable code, e.g. `file_not_found`; tests and the UI key on it. */
    readonly code: string,
    /** Shown to the clinician as is. */
    readonly userMessage: string,
    options?: { cause?: unknown },
  ) {
    super(userMessage, options);
    this.name = new.target.name;
  }

  toApiError(): ApiError {
    return { category: this.category, code: this.code, message: this.userMessage };
  }
}

/** The input is wrong: retrying will not help, the user must change something. */
export class ValidationError extends CairnError {
  readonly category = 'validation' as const;
}

/** Worth retrying: a busy database, a crashed engine process, a timeout. */
export class TransientError extends CairnError {
  readonly category = 'transient' as const;
}

/** Will not succeed without a fix outside the input: a missing model, a newer database. */
export class PermanentError extends CairnError {
  readonly category = 'permanent' as const;
}

/** The user (or shutdown) stopped the work; not a failure, and never retried. */
export class CancelledError extends CairnError {
  readonly category = 'permanent' as const;

  constructor() {
    super('cancelled', 'Cancelled.');
  }
}

/** Rebuilds the typed error an envelope or a worker message carried across a boundary. */
export function fromApiError(error: ApiError): CairnError {
  if (error.code === 'cancelled') return new CancelledError();
  const ErrorClass =
    error.category === 'validation'
      ? ValidationError
      : error.category === 'transient'
        ? TransientError
        : PermanentError;
  return new ErrorClass(error.code, error.message);
}

/** Converts anything thrown into a CairnError, so callers handle one shape. */
export function toCairnError(error: unknown): CairnError {
  if (error instanceof CairnError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new PermanentError('internal', `Something went wrong inside Cairn: ${detail}`, {
    cause: error,
  });
}
