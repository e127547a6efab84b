// The one dispatcher both transports call. It refuses unknown methods and invalid input before any
// handler runs, and turns every failure into an RpcError the UI can show as it is.
import { z } from 'zod';
import { contract, type Handlers, type MethodName, type RpcError, type RpcResponse } from './contract';

/** Errors a handler throws on purpose; anything else is reported as 'internal'. */
export class ServiceError extends Error {
  constructor(
    readonly code: Exclude<RpcError['code'], 'unknown_method' | 'invalid_input'>,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export type Dispatch = (method: string, input: unknown) => Promise<RpcResponse>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export function formatZodError(err: z.ZodError): string {
  return err.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`)
    .join('; ');
}

export function createDispatcher(
  handlers: Handlers,
  opts: { onInternalError?: (method: string, err: unknown) => void } = {},
): Dispatch {
  return async (method, input) => {
    if (typeof method !== 'string' || !isMethodName(method)) {
      return {
        ok: false,
        error: { code: 'unknown_method', message: `Unknown method: ${String(method).slice(0, 80)}` },
      };
    }
    const parsed = contract[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'invalid_input', message: `${method}: ${formatZodError(parsed.error)}` },
      };
    }
    try {
      const handler = handlers[method] as (i: unknown) => unknown;
      const result = await handler(parsed.data);
      return { ok: true, result };
    } catch (err) {
      if (err instanceof ServiceError) return { ok: false, error: { code: err.code, message: err.message } };
      opts.onInternalError?.(method, err);
      return {
        ok: false,
        error: {
          code: 'internal',
          message: `${method} failed: ${err instanceof Error ? err.message : String(err)}`,
        },
      };
    }
  };
}
