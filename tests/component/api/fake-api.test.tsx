// The component tests' fake API answers through the real dispatcher and contract: input the main side
// would refuse is refused before any fake handler runs, exactly as the main side refuses it.
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError, type MethodInput } from '../../../shared/api/contract';
import { FakeApi, makeArticle, makeClaim } from '../fake-api';
import { useMockedViewport, renderApp } from '../helpers';

const claim = makeClaim({ id: 'c1', text: 'Le truppe si ritirerà dal Kazakistan' });

useMockedViewport();

describe('fake API through the real dispatcher', () => {
  it('refuses a component-level call with input the contract refuses as invalid_input, and the handler never runs', async () => {
    const api = new FakeApi({ claims: [claim] });
    const { store } = await renderApp(api);
    let result: unknown = 'not yet';
    await act(async () => {
      result = await store.getState().updateClaim('c1', { text: 'x'.repeat(1001) });
    });
    expect(result).toBeNull();
    expect(screen.getByTestId('error-banner')).toHaveTextContent(/claims\.update: text:/);
    expect(api.claims[0]).toEqual(claim);
    // Recorded all the same: a test can see what the renderer tried to send.
    expect(api.callsOf('claims.update')).toEqual([{ id: 'c1', text: 'x'.repeat(1001) }]);

    const err = await api
      .call('articles.get', { id: 'a1', extra: true } as MethodInput<'articles.get'>)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^articles\.get: /) });
  });

  it('hands handlers the parsed input (defaults applied), as the main side does', async () => {
    const api = new FakeApi();
    let seen: unknown;
    api.handlers['claims.create'] = (input) => {
      seen = input;
      return makeClaim({ id: 'c9', ...input });
    };
    await api.call('claims.create', { text: 'A claim' });
    expect(seen).toEqual({ text: 'A claim', speaker: '', note: '' });
    expect(api.callsOf('claims.create')).toEqual([{ text: 'A claim' }]);
  });

  it('answers a method without a handler as the dispatcher answers a missing handler', async () => {
    const api = new FakeApi({ articles: [makeArticle({ id: 'a1', title: 'One' })] });
    const err = await api.call('articles.reextract', { id: 'a1' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      code: 'internal',
      message: expect.stringMatching(/^articles\.reextract failed: /),
    });
    expect(api.internalErrors.map((e) => e.method)).toEqual(['articles.reextract']);
  });

  it('fails the next valid call of a method with an injected failure, after the contract has checked it', async () => {
    const api = new FakeApi({ claims: [claim] });
    api.failures.set('claims.delete', new ApiError('conflict', 'in use'));
    await expect(api.call('claims.delete', { id: '' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(api.call('claims.delete', { id: 'c1' })).rejects.toMatchObject({
      code: 'conflict',
      message: 'in use',
    });
    await expect(api.call('claims.delete', { id: 'c1' })).resolves.toEqual(claim);
  });

  it('answers with copies: a result changed by the caller does not change the fake', async () => {
    const api = new FakeApi({ claims: [claim] });
    const list = await api.call('claims.list', {});
    list[0]!.text = 'changed';
    expect((await api.call('claims.list', {}))[0]!.text).toBe(claim.text);
  });
});
