// Transport for the localhost host: one POST endpoint, authenticated by the token the host wrote into the
// page's meta tag at serve time (so another local page cannot drive the API without reading this page).
import type { ApiClient, MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/rpc';
import { RPC_PATH, TOKEN_HEADER } from '../../../shared/api/bridge';
import { unwrapResponse } from '../../../shared/api/client';

export function readWorkbenchToken(doc: Document): string {
  const meta = doc.querySelector<HTMLMetaElement>('meta[name="workbench-token"]');
  return meta?.content ?? '';
}

export function createHttpClient(
  token: string,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): ApiClient {
  return {
    async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
      let res: Response;
      try {
        res = await fetchImpl(RPC_PATH, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
          body: JSON.stringify({ method, input }),
          credentials: 'same-origin',
        });
      } catch (err) {
        throw new ApiError(
          'unavailable',
          `Cannot reach the workbench: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
      const raw = await res.text();
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        // The host refused before the dispatcher answered (401 bad token, 413 too big): its text says why.
        const why = raw.trim().slice(0, 300) || `${res.status} ${res.statusText}`.trim();
        throw new ApiError(
          [401, 403, 413].includes(res.status) ? 'refused' : 'internal',
          `${method}: HTTP ${res.status}: ${why}`,
        );
      }
      return unwrapResponse<MethodOutput<M>>(body);
    },
  };
}
