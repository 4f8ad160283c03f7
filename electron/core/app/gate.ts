import { z } from 'zod';
import { isMethodName, methods, type MethodName } from '../../../shared/api/contract';
import type { Envelope } from '../../../shared/api/envelope';
import { toCairnError, ValidationError, type CairnError } from '../errors';
import type { Handlers } from './handlers';

/**
 * The one gate every call passes, whatever the transport: the method must be in the contract,
 * the input must match its schema, and whatever happens comes back as an envelope.
 * Outputs are parsed too, so a handler can never leak a field the contract does not declare.
 */
export async function invokeThroughGate(
  handlers: Handlers,
  method: unknown,
  rawInput: unknown,
  onInternalError: (method: string, error: unknown) => void = () => undefined,
  /** Whether the method may run now (the app lock); an error refuses it before its input is read. */
  admit: (method: string) => CairnError | null = () => null,
): Promise<Envelope> {
  try {
    if (!isMethodName(method)) {
      throw new ValidationError(
        'unknown_method',
        `Cairn has no operation called ${String(method)}.`,
      );
    }
    const refusal = admit(method);
    if (refusal) throw refusal;
    const value = await dispatch(handlers, method, rawInput);
    return { ok: true, value };
  } catch (error) {
    const cairnError = toCairnError(error);
    if (cairnError.code === 'internal') onInternalError(String(method), error);
    return { ok: false, error: cairnError.toApiError() };
  }
}

async function dispatch(handlers: Handlers, method: MethodName, rawInput: unknown) {
  const contract = methods[method];
  const parsed = contract.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    throw new ValidationError(
      'invalid_input',
      `The request was not valid: ${z.prettifyError(parsed.error)}`,
    );
  }
  const handler = handlers[method] as (input: unknown) => unknown;
  return contract.output.parse(await handler(parsed.data));
}
