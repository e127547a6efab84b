// The two transports: both unwrap RpcResponse and throw ApiError(code, message) on ok:false.
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/api/contract';
import { createHttpClient, readWorkbenchToken } from '../../../renderer/src/api/http-client';
import { createIpcClient } from '../../../renderer/src/api/ipc-client';
import { pickClient } from '../../../renderer/src/api/pick-client';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('http client', () => {
  it('POSTs {method, input} to /api/rpc with the token header', async () => {
    const fetchImpl = vi.fn(async () => json({ ok: true, result: [{ id: 'a1' }] }));
    const client = createHttpClient('tok-123', fetchImpl as unknown as typeof fetch);
    await expect(client.call('articles.list', {})).resolves.toEqual([{ id: 'a1' }]);
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/rpc');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['x-workbench-token']).toBe('tok-123');
    expect(JSON.parse(init.body as string)).toEqual({ method: 'articles.list', input: {} });
  });

  it('throws ApiError with the code and message of an ok:false answer', async () => {
    const client = createHttpClient('t', (async () =>
      json({
        ok: false,
        error: { code: 'not_found', message: 'No article with id x' },
      })) as unknown as typeof fetch);
    const err = await client.call('articles.get', { id: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'not_found', message: 'No article with id x' });
  });

  it('reports non-JSON answers and network failures as ApiErrors', async () => {
    const refused = createHttpClient(
      't',
      (async () =>
        new Response('Refused: missing or wrong token.', { status: 401 })) as unknown as typeof fetch,
    );
    await expect(refused.call('app.info', {})).rejects.toMatchObject({
      code: 'refused',
      message: 'app.info: HTTP 401: Refused: missing or wrong token.',
    });
    const broken = createHttpClient(
      't',
      (async () => new Response('', { status: 502, statusText: 'Bad Gateway' })) as unknown as typeof fetch,
    );
    await expect(broken.call('app.info', {})).rejects.toMatchObject({
      code: 'internal',
      message: 'app.info: HTTP 502: 502 Bad Gateway',
    });
    const down = createHttpClient('t', (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch);
    await expect(down.call('app.info', {})).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('reads the token from the meta tag', () => {
    const meta = document.createElement('meta');
    meta.name = 'workbench-token';
    meta.content = 'abc';
    document.head.appendChild(meta);
    expect(readWorkbenchToken(document)).toBe('abc');
    meta.remove();
    expect(readWorkbenchToken(document)).toBe('');
  });
});

describe('ipc client', () => {
  it('invokes the bridge and unwraps the response', async () => {
    const invoke = vi.fn(async () => ({ ok: true as const, result: { deleted: true } }));
    const client = createIpcClient({ invoke });
    await expect(client.call('articles.delete', { id: 'a1' })).resolves.toEqual({ deleted: true });
    expect(invoke).toHaveBeenCalledWith('articles.delete', { id: 'a1' });
    const failing = createIpcClient({
      invoke: async () => ({ ok: false as const, error: { code: 'conflict' as const, message: 'in use' } }),
    });
    await expect(failing.call('claims.delete', { id: 'c' })).rejects.toMatchObject({
      name: 'ApiError',
      code: 'conflict',
      message: 'in use',
    });
  });

  it('is chosen when the preload bridge exists', async () => {
    const invoke = vi.fn(async () => ({ ok: true as const, result: 'via ipc' }));
    const viaIpc = pickClient({ workbench: { invoke } } as unknown as Window, document);
    await viaIpc.call('app.info', {});
    expect(invoke).toHaveBeenCalled();
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(json({ ok: true, result: 'via http' }));
    const viaHttp = pickClient({} as Window, document);
    await expect(viaHttp.call('app.info', {})).resolves.toBe('via http');
    expect(fetchSpy).toHaveBeenCalled();
    fetchSpy.mockRestore();
  });
});
