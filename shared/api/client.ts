// The calling side of the contract, once: an RpcResponse becomes a value or an ApiError. The renderer's IPC
// and HTTP clients unwrap what their transport carried with it; the CLI and the tests call the dispatcher in
// process through createDispatchClient. Types only from contract and dispatcher, so zod stays out of the renderer.
import type { ApiClient, MethodInput, MethodName, MethodOutput } from './contract';
import type { Dispatch } from './dispatcher';
import { ApiError, type RpcError, type RpcResponse } from './rpc';

const CODES: ReadonlySet<RpcError['code']> = new Set([
  'unknown_method',
  'invalid_input',
  'not_found',
  'conflict',
  'refused',
  'unavailable',
  'internal',
]);

/** The result of a response, or its error thrown as an ApiError (an unknown code reads as 'internal'). */
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

/** The typed client over a dispatcher in this process: the same methods, checks and errors as over IPC or HTTP. */
export function createDispatchClient(dispatch: Dispatch): ApiClient {
  return {
    async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
      return unwrapResponse<MethodOutput<M>>(await dispatch(method, input));
    },
  };
}
