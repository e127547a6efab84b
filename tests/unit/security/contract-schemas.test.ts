// The API contract read as data: every method's input schema (as JSON Schema) must bound every string and
// every array, and no method may take something that names a place on disk. The one exception is the
// documented `name` of a dropped file, a label that must not be able to carry a path.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, droppedFileSchema, METHOD_NAMES } from '../../../shared/api/contract';

type Json = { [k: string]: unknown };
interface Field {
  method: string;
  /** e.g. "files[].name" */
  path: string;
  /** The property name this node sits under ('' for the root, array items and union branches). */
  key: string;
  schema: Json;
}

/** Every node of a method's input, depth first, with a readable path. */
function fields(method: string): Field[] {
  const root = z.toJSONSchema(contract[method as keyof typeof contract].input, {
    io: 'input',
    unrepresentable: 'any',
  }) as Json;
  const out: Field[] = [];
  const walk = (node: unknown, path: string, key: string) => {
    if (!node || typeof node !== 'object') return;
    const s = node as Json;
    out.push({ method, path, key, schema: s });
    for (const [k, v] of Object.entries((s.properties as Json | undefined) ?? {}))
      walk(v, path ? `${path}.${k}` : k, k);
    if (s.items) walk(s.items, `${path}[]`, '');
    for (const c of ['anyOf', 'oneOf', 'allOf'] as const)
      for (const sub of (s[c] as unknown[] | undefined) ?? []) walk(sub, path, '');
    if (s.additionalProperties && typeof s.additionalProperties === 'object')
      walk(s.additionalProperties, `${path}{}`, '');
  };
  walk(root, '', '');
  return out;
}

const all = METHOD_NAMES.flatMap(fields);
const typed = (f: Field, t: string) =>
  f.schema.type === t || (Array.isArray(f.schema.type) && f.schema.type.includes(t));
const freeString = (f: Field) =>
  typed(f, 'string') && f.schema.enum === undefined && f.schema.const === undefined;

/** Field names that would mean "a place on disk". */
const PATH_LIKE = /path|dir|folder|file|dest|location|^cwd$|^out$/i;
/** The reviewed exception: the dropped files themselves, each a label (`name`), a size and the bytes. */
const ALLOWED_PATH_LIKE = new Set(['articles.import files']);

describe('API contract: limits on every input', () => {
  it('walks every method', () => {
    expect(METHOD_NAMES.length).toBeGreaterThanOrEqual(18);
    for (const m of METHOD_NAMES)
      expect(
        all.some((f) => f.method === m),
        m,
      ).toBe(true);
  });

  it('every string has a maximum length (or is an enum/literal)', () => {
    const unbounded = all.filter((f) => freeString(f) && f.schema.maxLength === undefined);
    expect(unbounded.map((f) => `${f.method} ${f.path}`)).toEqual([]);
  });

  it('every array has a maximum number of items', () => {
    const unbounded = all.filter((f) => typed(f, 'array') && f.schema.maxItems === undefined);
    expect(unbounded.map((f) => `${f.method} ${f.path}`)).toEqual([]);
  });

  it('every object is closed or has only named properties (no free-form maps)', () => {
    const maps = all.filter(
      (f) =>
        typed(f, 'object') &&
        f.schema.additionalProperties !== undefined &&
        f.schema.additionalProperties !== false,
    );
    expect(maps.map((f) => `${f.method} ${f.path}`)).toEqual([]);
  });

  it('no string limit is larger than the biggest legitimate payload (a dropped file as base64)', () => {
    const biggest = Math.max(...all.filter(freeString).map((f) => Number(f.schema.maxLength ?? 0)));
    const fileCap = Number(
      all.find((f) => f.method === 'articles.import' && f.path === 'files[].dataBase64')?.schema.maxLength ??
        Number.NaN,
    );
    expect(biggest).toBe(fileCap);
    // Everything that is not file content stays small.
    const others = all.filter((f) => freeString(f) && f.path !== 'files[].dataBase64');
    for (const f of others)
      expect(Number(f.schema.maxLength), `${f.method} ${f.path}`).toBeLessThanOrEqual(1_000_000);
  });
});

describe('API contract: no method takes a path to read or write', () => {
  it('no field is named like a path, directory or file, except the reviewed dropped-file fields', () => {
    const named = all.filter((f) => f.key !== '' && PATH_LIKE.test(f.key));
    expect(named.map((f) => `${f.method} ${f.path}`).filter((k) => !ALLOWED_PATH_LIKE.has(k))).toEqual([]);
    // The exceptions are still there (so this test would notice them being renamed into something else).
    for (const k of ALLOWED_PATH_LIKE) expect(named.map((f) => `${f.method} ${f.path}`)).toContain(k);
    const dropped = all.find((f) => f.method === 'articles.import' && f.path === 'files[]')!;
    expect(Object.keys(dropped.schema.properties as Json).sort()).toEqual(['dataBase64', 'name', 'size']);
  });

  it('the native dialogs and the system browser take no location from the caller', () => {
    for (const m of ['export.save', 'import.openDialog'] as const) {
      const props = Object.keys(
        (z.toJSONSchema(contract[m].input, { io: 'input' }) as Json).properties as Json,
      );
      // A format to save, whether to pick files or folders: never a place.
      expect(
        props.every((p) => p === 'format' || p === 'kind'),
        m,
      ).toBe(true);
    }
    expect(contract['shell.openExternal'].trust).toMatch(/http\(s\)/);
  });

  it('a dropped file name is a label: no separators, no NUL, bounded', () => {
    const ok = (name: string) => droppedFileSchema.safeParse({ name, size: 1 }).success;
    for (const good of ['article.txt', 'Статья №1.md', '..txt', 'a b (1).html', 'x'.repeat(255)])
      expect(ok(good), good).toBe(true);
    for (const bad of [
      '',
      '/etc/passwd',
      '../../x.txt',
      'a/b.txt',
      '..\\..\\x.txt',
      'C:\\Windows\\win.ini',
      'a\\b.txt',
      'x.txt\u0000.html',
      '\u0000',
      'x'.repeat(256),
    ]) {
      expect(ok(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});
