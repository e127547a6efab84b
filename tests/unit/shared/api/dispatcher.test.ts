import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, ServiceError } from '../../../../shared/api/dispatcher';
import { METHOD_NAMES, contract, type Handlers } from '../../../../shared/api/contract';

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const h = {} as Record<string, unknown>;
  for (const m of METHOD_NAMES) h[m] = vi.fn(async () => ({ called: m }));
  return { ...(h as Handlers), ...overrides };
}

describe('dispatcher', () => {
  it('refuses unknown methods, including prototype keys', async () => {
    const d = createDispatcher(handlers());
    for (const m of ['nope.nothing', 'constructor', '__proto__', 'toString']) {
      const r = await d(m, {});
      expect(r).toEqual({
        ok: false,
        error: { code: 'unknown_method', message: expect.stringContaining('Unknown method') },
      });
    }
  });

  it('refuses invalid input before the handler runs and names the field', async () => {
    const h = handlers();
    const d = createDispatcher(h);
    const r = await d('articles.get', { id: '../../etc/passwd' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_input');
      expect(r.error.message).toMatch(/articles\.get: id/);
    }
    expect(h['articles.get']).not.toHaveBeenCalled();
    expect((await d('articles.get', {})).ok).toBe(false);
    expect((await d('articles.get', { id: 'abc', extra: 1 })).ok).toBe(false);
    expect(
      (await d('articles.import', { files: [{ name: '../x.txt', size: 1, dataBase64: 'eA==' }] })).ok,
    ).toBe(false);
    expect(
      (
        await d('annotations.create', {
          articleId: 'a',
          target: { start: 0, end: 3 },
          stance: 'believes',
          claimId: 'c',
        })
      ).ok,
    ).toBe(false);
  });

  it('passes parsed input (with defaults) to the handler and returns its result', async () => {
    const h = handlers();
    const d = createDispatcher(h);
    const r = await d('claims.create', { text: 'Claim' });
    expect(r).toEqual({ ok: true, result: { called: 'claims.create' } });
    expect(h['claims.create']).toHaveBeenCalledWith({ text: 'Claim', speaker: '', note: '' });
  });

  it('maps service errors to their code and anything else to internal', async () => {
    const onInternalError = vi.fn();
    const d = createDispatcher(
      handlers({
        'articles.get': async () => {
          throw new ServiceError('not_found', 'No article with id x');
        },
        'articles.list': async () => {
          throw new TypeError('boom');
        },
      }),
      { onInternalError },
    );
    expect(await d('articles.get', { id: 'x' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No article with id x' },
    });
    expect(await d('articles.list', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'articles.list failed: boom' },
    });
    expect(onInternalError).toHaveBeenCalledOnce();
  });

  it('every method has a domain.verb name and a one-line trust rule', () => {
    for (const [name, def] of Object.entries(contract)) {
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      expect(def.trust.length).toBeGreaterThan(5);
      expect(def.trust).not.toContain('\n');
    }
  });
});
