// Schema migrations. The project has shipped only schema 1, so these tests invent a schema 0 as a TEST
// FIXTURE: the same layout, but claims without `note` and annotations without `tags` (a plausible earlier
// shape). It exists only here; MIGRATIONS in the product is empty.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MIGRATIONS,
  SCHEMA_VERSION,
  migrateIndex,
  type IndexData,
  type Migration,
} from '../../../../electron/services/library/migrations';
import { LibraryOpenError, openLibraryStore } from '../../../../electron/services/library/store';
import { listBackups } from '../../../../electron/services/library/backup';
import { tempDir, treeDigest } from '../../../helpers/temp-library';

const v0ToV1: Migration = {
  from: 0,
  to: 1,
  description: 'claims get a note, annotations get tags',
  up: (data) => ({
    ...data,
    // Idempotent: only fills what is missing, so running it on migrated data changes nothing.
    claims: {
      claims: (data.claims as { claims: Array<Record<string, unknown>> }).claims.map((c) => ({
        note: '',
        ...c,
      })),
    },
    annotations: new Map(
      [...data.annotations].map(([id, f]) => [
        id,
        {
          annotations: (f as { annotations: Array<Record<string, unknown>> }).annotations.map((a) => ({
            ...a,
            tags: a.tags ?? [],
          })),
        },
      ]),
    ),
  }),
};
const opts = { migrations: [v0ToV1], target: 1 };
const AT = '2024-05-01T10:00:00.000Z';
const now = () => new Date(AT);

const claimV0 = { id: 'c1', text: 'CSTO troops will withdraw', speaker: '', createdAt: AT, updatedAt: AT };
const annotationV0 = {
  id: 'n1',
  articleId: 'a1',
  claimId: 'c1',
  quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 0, end: 1 },
  stance: 'reports',
  speaker: '',
  note: '',
  createdAt: AT,
  updatedAt: AT,
};

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

function writeV0(dir: string) {
  mkdirSync(join(dir, 'annotations'), { recursive: true });
  writeFileSync(
    join(dir, 'library.json'),
    JSON.stringify({ format: 'analyst-workbench-library', schemaVersion: 0, createdAt: AT }, null, 2),
  );
  writeFileSync(
    join(dir, 'articles.json'),
    JSON.stringify({ articles: [{ id: 'a1', sha256: 'f'.repeat(64), title: 'T' }], outlets: [] }, null, 2),
  );
  writeFileSync(join(dir, 'claims.json'), JSON.stringify({ claims: [claimV0] }, null, 2));
  writeFileSync(
    join(dir, 'annotations', 'a1.json'),
    JSON.stringify({ annotations: [annotationV0] }, null, 2),
  );
}
const readJson = (rel: string) => JSON.parse(readFileSync(join(tmp.dir, rel), 'utf8'));

describe('migrations', () => {
  it('the shipped list is contiguous and ends at the current schema', () => {
    let v = MIGRATIONS[0]?.from ?? SCHEMA_VERSION;
    for (const m of MIGRATIONS) {
      expect(m.from).toBe(v);
      expect(m.to).toBeGreaterThan(m.from);
      v = m.to;
    }
    expect(v).toBe(SCHEMA_VERSION);
  });

  it('opening a schema 0 library migrates it, after a backup of it as it was, and records the migration', async () => {
    writeV0(tmp.dir);
    const original = readFileSync(join(tmp.dir, 'claims.json'), 'utf8');
    const store = await openLibraryStore(tmp.dir, now, opts);
    expect(store.claims.data.claims[0]).toMatchObject({ id: 'c1', note: '' });
    expect(store.annotations.get('a1')!.data.annotations[0]).toMatchObject({ id: 'n1', tags: [] });
    await store.close();

    expect(readJson('library.json')).toMatchObject({
      schemaVersion: 1,
      migrations: [{ from: 0, to: 1, description: v0ToV1.description, at: AT }],
    });
    expect(readJson('annotations/a1.json').annotations[0].tags).toEqual([]);
    const [backup] = await listBackups(tmp.dir, opts);
    expect(backup).toMatchObject({
      reason: 'before migration to schema 1',
      schemaVersion: 0,
      claims: 1,
      annotations: 1,
    });
    expect(readFileSync(join(tmp.dir, 'backups', backup!.id, 'claims.json'), 'utf8')).toBe(original);
  });

  it('is idempotent: reopening changes nothing, and a migration cut short by a crash completes the same way', async () => {
    writeV0(tmp.dir);
    await (await openLibraryStore(tmp.dir, now, opts)).close();
    const digest = treeDigest(tmp.dir);
    await (await openLibraryStore(tmp.dir, now, opts)).close();
    expect(treeDigest(tmp.dir)).toEqual(digest);
    const migrated = { claims: readJson('claims.json'), annotations: readJson('annotations/a1.json') };

    // A crash after the data files were written but before library.json: migrated files, old version number.
    const crashed = tempDir();
    try {
      writeV0(crashed.dir);
      writeFileSync(join(crashed.dir, 'claims.json'), JSON.stringify(migrated.claims, null, 2));
      writeFileSync(
        join(crashed.dir, 'annotations', 'a1.json'),
        JSON.stringify(migrated.annotations, null, 2),
      );
      await (await openLibraryStore(crashed.dir, now, opts)).close();
      expect(JSON.parse(readFileSync(join(crashed.dir, 'claims.json'), 'utf8'))).toEqual(migrated.claims);
      expect(JSON.parse(readFileSync(join(crashed.dir, 'annotations', 'a1.json'), 'utf8'))).toEqual(
        migrated.annotations,
      );
      expect(JSON.parse(readFileSync(join(crashed.dir, 'library.json'), 'utf8')).schemaVersion).toBe(1);
    } finally {
      crashed.cleanup();
    }

    // And as a function: applying it to its own output gives the same data.
    const data: IndexData = {
      manifest: { format: 'analyst-workbench-library', schemaVersion: 0 },
      articles: { articles: [], outlets: [] },
      claims: { claims: [claimV0] },
      annotations: new Map([['a1', { annotations: [annotationV0] }]]),
    };
    const once = migrateIndex(data, tmp.dir, AT, opts).data;
    const twice = migrateIndex(
      { ...once, manifest: { ...once.manifest, schemaVersion: 0 } },
      tmp.dir,
      AT,
      opts,
    ).data;
    expect(twice.claims).toEqual(once.claims);
    expect([...twice.annotations]).toEqual([...once.annotations]);
  });

  it('refuses a schema it has no migration for, and a newer one, leaving the files untouched', async () => {
    writeV0(tmp.dir);
    const digest = treeDigest(tmp.dir);
    const err = await openLibraryStore(tmp.dir, now).catch((e: unknown) => e); // the product has no 0 → 1 migration
    expect(err).toBeInstanceOf(LibraryOpenError);
    expect(err).toMatchObject({ kind: 'unsupported', relFile: 'library.json' });
    writeFileSync(
      join(tmp.dir, 'library.json'),
      JSON.stringify({ format: 'analyst-workbench-library', schemaVersion: 2, createdAt: AT }),
    );
    await expect(openLibraryStore(tmp.dir, now)).rejects.toMatchObject({ kind: 'newer' });
    writeFileSync(
      join(tmp.dir, 'library.json'),
      JSON.stringify({ format: 'analyst-workbench-library', schemaVersion: 0, createdAt: AT }, null, 2),
    );
    expect(treeDigest(tmp.dir)).toEqual(digest);
  });
});
