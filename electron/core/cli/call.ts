import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import type { Core } from '../app/core';
import { fromApiError } from '../errors';

/**
 * Calls a method through the same gate as the UI, so the CLI validates exactly like the app,
 * and turns an error envelope back into the typed error the CLI maps to an exit code.
 */
export async function call<M extends MethodName>(
  core: Core,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const envelope = await core.invoke(method, input);
  if (envelope.ok) return envelope.value as MethodOutput<M>;
  throw fromApiError(envelope.error);
}
