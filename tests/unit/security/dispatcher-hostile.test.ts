// Hostile input for every API method, as a compromised renderer or a forged host request would send it.
// - Against the real dispatcher with spy handlers: whatever the zod schema refuses is answered invalid_input
//   and never reaches a handler; nothing throws.
// - Against the real services on a temporary library: random and near-valid input is answered with a result or
//   a deliberate ServiceError, never 'internal', never a throw, never an echo of a huge input.
// - Oversized strings and arrays (a 10 MB claim, 51 tags, 201 files…) are refused before any handler runs.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { contract, droppedFileSchema, METHOD_NAMES, type Handlers } from '../../../shared/api/contract';
import { createDispatcher } from '../../../shared/api/dispatcher';
import type { RpcResponse } from '../../../shared/api/rpc';
import { openWorkbench, type Workbench } from '../../../electron/services/workbench';
import { fixture, SPUTNIK, tempDir } from '../../helpers/temp-library';

const MB = 1024 * 1024;
const big = (n: number, ch = 'x') => ch.repeat(n);

/** What IPC's structured clone can carry, not just JSON: dates, maps, sets, typed arrays, bigints, sparse arrays. */
const ipcValue = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withNullPrototype: true,
  withObjectString: true,
  withBoxedValues: true,
});
/** Random objects that use the method's own field names, so that validation gets past the first key. */
const keyedObject = (method: string) => {
  const keys = Object.keys(
    (contract[method as keyof typeof contract].input as { shape?: object }).shape ?? {},
  );
  const names = fc.constantFrom(...keys, '__proto__', 'constructor', 'path', 'file');
  return fc.dictionary(names, fc.oneof(fc.jsonValue({ maxDepth: 2 }), ipcValue), { maxKeys: 6 });
};
const hostileInput = (method: string) =>
  fc.oneof(ipcValue, fc.jsonValue({ maxDepth: 3 }), keyedObject(method));

function spyHandlers() {
  const h: Record<string, ReturnType<typeof vi.fn>> = {};
  for (const m of METHOD_NAMES) h[m] = vi.fn(async () => ({ called: m }));
  return h;
}

function expectSane(r: RpcResponse, where: string) {
  expect(typeof r.ok, where).toBe('boolean');
  if (!r.ok) {
    expect(r.error.code, `${where}: ${r.error.message}`).not.toBe('internal');
    expect(r.error.message.length, where).toBeLessThan(2000);
  }
}

describe('dispatcher + schemas (spy handlers)', () => {
  it('for every method, input the schema refuses is answered invalid_input and never reaches the handler', async () => {
    const handlers = spyHandlers();
    const dispatch = createDispatcher(handlers as unknown as Handlers);
    for (const method of METHOD_NAMES) {
      const schema = contract[method].input;
      await fc.assert(
        fc.asyncProperty(hostileInput(method), async (input) => {
          handlers[method]!.mockClear();
          const r = await dispatch(method, input);
          const valid = schema.safeParse(input ?? {}).success;
          if (valid) {
            expect(r.ok, method).toBe(true);
            expect(handlers[method]).toHaveBeenCalledTimes(1);
          } else {
            expect(r, method).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
            expect(handlers[method]).not.toHaveBeenCalled();
          }
        }),
        { numRuns: 150 },
      );
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('unknown and prototype method names are refused whatever the input', async () => {
    const handlers = spyHandlers();
    const dispatch = createDispatcher(handlers as unknown as Handlers);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.constantFrom('__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf'),
        ),
        ipcValue,
        async (m, input) => {
          fc.pre(!METHOD_NAMES.includes(m as never));
          const r = await dispatch(m, input);
          expect(r).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
        },
      ),
      { numRuns: 300 },
    );
    for (const fn of Object.values(handlers)) expect(fn).not.toHaveBeenCalled();
  });
});

const CLAIM_10MB = big(10 * MB);
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
/** The schema's own cap on a dropped file's base64, plus one. */
const overCap =
  Number(
    (z.toJSONSchema(droppedFileSchema) as unknown as { properties: { dataBase64: { maxLength: number } } })
      .properties.dataBase64.maxLength,
  ) + 1;
const restorable = {
  id: 'a1',
  articleId: 'art',
  claimId: 'c1',
  quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 0, end: 1 },
  stance: 'reports',
  speaker: '',
  tags: [],
  note: '',
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
};
const restorableClaim = {
  id: 'c9',
  text: 'A deleted claim',
  speaker: '',
  note: '',
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
};
const annotate = { articleId: 'art', target: { start: 0, end: 1 }, stance: 'reports', claimId: 'c1' };

/** [method, what is too big, input]; each must be refused before a handler runs. */
const OVERSIZED: Array<[string, string, unknown]> = [
  ['claims.create', '10 MB claim text', { text: CLAIM_10MB }],
  ['claims.create', 'note over 20 000', { text: 'ok', note: big(20_001) }],
  ['claims.create', 'speaker over 200', { text: 'ok', speaker: big(201) }],
  ['claims.update', 'claim text over 1000', { id: 'c1', text: big(1001) }],
  ['claims.update', '10 MB note', { id: 'c1', note: CLAIM_10MB }],
  [
    'annotations.create',
    '10 MB new claim',
    { ...annotate, claimId: undefined, newClaim: { text: CLAIM_10MB } },
  ],
  ['annotations.create', 'note over 20 000', { ...annotate, note: big(20_001) }],
  ['annotations.create', '51 tags', { ...annotate, tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }],
  ['annotations.create', 'tag over 80', { ...annotate, tags: [big(81)] }],
  [
    'annotations.create',
    'quote over 20 000',
    { ...annotate, target: { start: 0, end: 1, quote: { exact: big(20_001) } } },
  ],
  [
    'annotations.create',
    'prefix over 200',
    { ...annotate, target: { start: 0, end: 1, quote: { exact: 'x', prefix: big(201) } } },
  ],
  ['annotations.update', '10 MB note', { id: 'a1', note: CLAIM_10MB }],
  ['annotations.update', '51 tags', { id: 'a1', tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }],
  ['annotations.restore', 'restore with a 10 MB note', { annotation: { ...restorable, note: CLAIM_10MB } }],
  [
    'annotations.restore',
    'restore with a long speaker',
    { annotation: { ...restorable, speaker: big(201) } },
  ],
  [
    'annotations.restore',
    'restore with 51 tags',
    { annotation: { ...restorable, tags: Array.from({ length: 51 }, (_, i) => `t${i}`) } },
  ],
  ['annotations.restore', 'restore with a long date', { annotation: { ...restorable, createdAt: big(65) } }],
  [
    'annotations.restore',
    'restore with a long suffix',
    { annotation: { ...restorable, quote: { ...restorable.quote, suffix: big(201) } } },
  ],
  ['claims.restore', 'restore with a 10 MB claim text', { claim: { ...restorableClaim, text: CLAIM_10MB } }],
  ['claims.restore', 'restore with a note over 20 000', { claim: { ...restorableClaim, note: big(20_001) } }],
  ['claims.restore', 'restore with a long speaker', { claim: { ...restorableClaim, speaker: big(201) } }],
  ['claims.restore', 'restore with a long date', { claim: { ...restorableClaim, updatedAt: big(65) } }],
  [
    'articles.import',
    '201 files',
    { files: Array.from({ length: 201 }, (_, i) => ({ name: `${i}.txt`, size: 1, dataBase64: 'eA==' })) },
  ],
  [
    'articles.import',
    'file bytes over the cap',
    { files: [{ name: 'a.txt', size: 1, dataBase64: big(overCap, 'A') }] },
  ],
  ['articles.import', 'file name over 255', { files: [{ name: `${big(252)}.txt`, size: 1 }] }],
  ['articles.import', 'no files', { files: [] }],
  ['articles.get', 'id over 64', { id: big(65, 'a') }],
  ['shell.openExternal', 'URL over 4096', { url: `https://example.com/${big(4096)}` }],
];

describe('oversized input', () => {
  it.each(OVERSIZED)('%s refuses %s', async (method, _what, input) => {
    const handlers = spyHandlers();
    const r = await createDispatcher(handlers as unknown as Handlers)(method, input);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!r.ok) expect(r.error.message.length).toBeLessThan(1000);
    expect(handlers[method]).not.toHaveBeenCalled();
  });

  it('the baselines of those cases are accepted (so each refusal is about size)', async () => {
    const handlers = spyHandlers();
    const d = createDispatcher(handlers as unknown as Handlers);
    for (const [method, input] of [
      ['claims.create', { text: big(1000), note: big(20_000), speaker: big(200) }],
      [
        'annotations.create',
        { ...annotate, note: big(20_000), tags: Array.from({ length: 50 }, () => big(80)) },
      ],
      [
        'annotations.restore',
        {
          annotation: {
            ...restorable,
            note: big(20_000),
            speaker: big(200),
            tags: Array.from({ length: 50 }, () => big(80)),
          },
        },
      ],
      [
        'claims.restore',
        {
          claim: {
            ...restorableClaim,
            text: big(1000),
            note: big(20_000),
            speaker: big(200),
            createdAt: big(64),
          },
        },
      ],
      [
        'articles.import',
        {
          files: Array.from({ length: 200 }, (_, i) => ({
            name: `${big(240)}${i}.txt`,
            size: 1,
            dataBase64: 'eA==',
          })),
        },
      ],
      ['shell.openExternal', { url: `https://example.com/${big(4000)}` }],
    ] as const) {
      expect((await d(method, input)).ok, method).toBe(true);
    }
  });
});

describe('the real services on a temporary library', () => {
  const tmp = tempDir('wb-hostile-');
  const internal: string[] = [];
  let wb: Workbench;
  let articleId = '';
  let claimId = '';
  let articleLength = 0;

  beforeAll(async () => {
    wb = await openWorkbench({
      libraryDir: tmp.dir,
      version: 'test',
      ports: { shell: 'host' },
      onInternalError: (m, err) => internal.push(`${m}: ${err instanceof Error ? err.stack : String(err)}`),
    });
    const f = fixture(SPUTNIK);
    const imp = await wb.dispatch('articles.import', {
      files: [{ name: f.name, size: f.size, dataBase64: b64(f.bytes) }],
    });
    expect(imp.ok).toBe(true);
    const list = await wb.dispatch('articles.list', {});
    articleId = (list as { ok: true; result: Array<{ id: string }> }).result[0]!.id;
    const art = await wb.dispatch('articles.get', { id: articleId });
    const a = (art as { ok: true; result: { title: string; lead: string; paragraphs: string[] } }).result;
    articleLength = [a.title, a.lead, ...a.paragraphs].join('\n\n').length;
    const claim = await wb.dispatch('claims.create', { text: 'Seed claim' });
    claimId = (claim as { ok: true; result: { id: string } }).result.id;
  }, 30_000);

  afterAll(async () => {
    await wb?.close();
    tmp.cleanup();
  });

  it('random input to every method: a result or a deliberate refusal, never internal, never a throw', async () => {
    for (const method of METHOD_NAMES) {
      await fc.assert(
        fc.asyncProperty(hostileInput(method), async (input) => {
          expectSane(await wb.dispatch(method, input), method);
        }),
        { numRuns: 60 },
      );
    }
    expect(internal).toEqual([]);
  }, 60_000);

  it('near-valid input that passes validation: still never internal', async () => {
    const ids = fc.oneof(
      fc.constant(articleId),
      fc.constant(claimId),
      fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
    );
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom('<img src=x onerror=alert(1)>', '\u0000', '\u202e', '=cmd|calc', ' ', '\ud800'),
    );
    const stance = fc.constantFrom('asserts', 'reports', 'supports', 'disputes', 'denies');
    const offset = fc.oneof(fc.nat(articleLength + 10), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));
    const target = fc.record(
      {
        start: offset,
        end: offset.map((n) => n + 1),
        quote: fc.record(
          {
            exact: text.filter((s) => s.length > 0),
            prefix: text.map((s) => s.slice(0, 200)),
            suffix: text.map((s) => s.slice(0, 200)),
          },
          { requiredKeys: ['exact'] },
        ),
      },
      { requiredKeys: ['start', 'end'] },
    );
    const fileName = fc
      .tuple(
        fc.stringMatching(/^[^/\\\0]{1,40}$/),
        fc.constantFrom(
          '.txt',
          '.md',
          '.html',
          '.htm',
          '.json',
          '.pdf',
          '.docx',
          '.odt',
          '.rtf',
          '.eml',
          '.mhtml',
          '.zip',
          '.exe',
          '',
        ),
      )
      .map(([b, e]) => b + e);
    const file = fc.uint8Array({ maxLength: 3000 }).chain((bytes) =>
      fc.record({
        name: fileName,
        size: fc.oneof(fc.constant(bytes.length), fc.nat()),
        dataBase64: fc.option(fc.constant(b64(bytes)), { nil: undefined }),
      }),
    );
    const near: Record<string, fc.Arbitrary<unknown>> = {
      'articles.get': fc.record({ id: ids }),
      'articles.delete': fc.record({ id: ids.filter((id) => id !== articleId) }),
      'articles.import': fc.record({ files: fc.array(file, { minLength: 1, maxLength: 4 }) }),
      'claims.create': fc.record({
        text: text.filter((s) => s.length > 0).map((s) => s.slice(0, 1000)),
        speaker: text.map((s) => s.slice(0, 200)),
      }),
      'claims.update': fc.record({
        id: ids,
        text: text.filter((s) => s.length > 0).map((s) => s.slice(0, 1000)),
      }),
      'claims.delete': fc.record({ id: ids.filter((id) => id !== claimId) }),
      'claims.evidence': fc.record({ id: ids }),
      'claims.restore': fc.record({
        claim: fc.record({
          id: ids,
          text: text.filter((s) => s.length > 0).map((s) => s.slice(0, 1000)),
          speaker: text.map((s) => s.slice(0, 200)),
          note: text,
          createdAt: fc.oneof(
            fc.constant(restorableClaim.createdAt),
            text.map((s) => s.slice(0, 64)),
          ),
          updatedAt: fc.oneof(
            fc.constant(restorableClaim.updatedAt),
            text.map((s) => s.slice(0, 64)),
          ),
        }),
      }),
      'annotations.create': fc.record({
        articleId: ids,
        target,
        stance,
        claimId: ids,
        speaker: text.map((s) => s.slice(0, 200)),
        tags: fc.array(
          text.filter((s) => s.length > 0).map((s) => s.slice(0, 80)),
          { maxLength: 5 },
        ),
      }),
      'annotations.update': fc.record({ id: ids, stance, note: text }),
      'annotations.delete': fc.record({ id: ids }),
      'annotations.restore': fc.record({
        annotation: fc.record({
          ...Object.fromEntries(Object.entries(restorable).map(([k, v]) => [k, fc.constant(v)])),
          id: ids,
          articleId: ids,
          claimId: ids,
          position: fc.record({
            type: fc.constant('TextPositionSelector'),
            start: fc.integer({ min: -5, max: articleLength + 5 }),
            end: fc.integer({ min: -5, max: articleLength + 5 }),
          }),
          quote: fc.record({
            type: fc.constant('TextQuoteSelector'),
            exact: text.map((s) => s.slice(0, 200)),
            prefix: text.map((s) => s.slice(0, 200)),
            suffix: text.map((s) => s.slice(0, 200)),
          }),
        }),
      }),
      'export.build': fc.record({ format: fc.constantFrom('md', 'csv', 'json') }),
      'shell.openExternal': fc.record({
        url: fc.oneof(
          fc.webUrl(),
          fc.constantFrom('javascript:alert(1)', 'file:///etc/passwd', 'https://u:p@x.y/'),
          fc.string(),
        ),
      }),
      'articles.search': fc.record({ query: text.filter((s) => s.length > 0).map((s) => s.slice(0, 200)) }),
      'library.restoreBackup': fc.record({ backupId: fc.stringMatching(/^[0-9A-Za-z_-]{1,64}$/) }),
    };
    for (const method of METHOD_NAMES) {
      const arb = near[method];
      if (!arb) continue;
      let valid = 0;
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(arb, async (input) => {
          runs++;
          if (contract[method].input.safeParse(input).success) valid++;
          expectSane(await wb.dispatch(method, input), `${method} ${JSON.stringify(input).slice(0, 200)}`);
        }),
        { numRuns: method === 'articles.import' ? 40 : 80 },
      );
      // Near-valid means it mostly gets past the schema and into the service.
      expect(valid / runs, method).toBeGreaterThan(0.8);
    }
    expect(internal).toEqual([]);
    // The seeded article and claim survived all of it.
    expect((await wb.dispatch('articles.get', { id: articleId })).ok).toBe(true);
  }, 120_000);

  it('oversized input is refused by the real services too, and nothing was written', async () => {
    const before = await wb.dispatch('claims.list', {});
    for (const [method, what, input] of OVERSIZED) {
      const r = await wb.dispatch(method, input);
      expect(r, what).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(await wb.dispatch('claims.list', {})).toEqual(before);
  });

  it('the host-only shell answers unavailable for the native dialogs and the system browser', async () => {
    expect(await wb.dispatch('export.save', { format: 'md' })).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
    expect(await wb.dispatch('import.openDialog', {})).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
    expect(await wb.dispatch('shell.openExternal', { url: 'javascript:alert(1)' })).toMatchObject({
      ok: false,
      error: { code: 'refused' },
    });
  });
});
