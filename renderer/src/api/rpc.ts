// Turns a transport's RpcResponse into a value or an ApiError, so both clients behave identically.
import { ApiError, type RpcError, type RpcResponse } from '../../../shared/api/rpc';

const CODES: ReadonlySet<RpcError['code']> = new Set([
  'unknown_method',
  'invalid_input',
  'not_found',
  'conflict',
  'refused',
  'unavailable',
  'internal',
]);

export function unwrapResponse<T>(response: unknown): T {
  if (typeof response !== 'object' || response === null || !('ok' in response)) {
    throw new ApiError('internal', 'The workbench answered with something that is not an RPC response.');
  }
  const r = response as RpcResponse<T>;
  if (r.ok) return r.result;
  const error = (r as { error?: Partial<RpcError> }).error ?? {};
  const code = error.code && CODES.has(error.code) ? error.code : 'internal';
  throw new ApiError(code, typeof error.message === 'string' ? error.message : 'Unknown error');
}
