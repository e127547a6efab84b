// Near duplicates through the importer and the library: reported, stored as separate sources, grouped,
// signatures kept in near-duplicates.json; and a batch is all or nothing.
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openWorkbench, type Workbench } from '../../../electron/services/workbench';
import type { IncomingFile } from '../../../electron/services/import/pipeline/importer';
import { SIGNATURES_FILE } from '../../../electron/services/library/signatures';
import type { LibraryStore } from '../../../electron/services/library/store';
import { SIGNATURE_SCHEME } from '../../../electron/services/near-duplicates';
import { tempDir, treeDigest } from '../../helpers/temp-library';

let tmp: ReturnType<typeof tempDir>;
let wb: Workbench;
/** The folder layer under `wb`, for tests that count reads or make writes fail. */
let store: LibraryStore;
const open = () =>
  openWorkbench({
    libraryDir: tmp.dir,
    version: 'test',
    ports: { shell: 'host' },
    onInternalError: () => {},
    onStoreOpened: (s) => (store = s),
  });

beforeEach(async () => {
  tmp = tempDir();
  wb = await open();
});
afterEach(async () => {
  await wb.close();
  tmp.cleanup();
});

const STRIKE = [
  'Dockworkers at the port of Genoa walked off the job on Monday in a 48-hour strike over pay and safety, halting container traffic at Italy’s busiest port and leaving dozens of ships waiting at anchor.',
  'The unions said talks with terminal operators had broken down after three months without an agreement on a new contract, and that a worker’s death in January had made safety the main issue.',
  '“We are not asking for favours, we are asking to come home alive,” a union representative told reporters outside the main gate, where several hundred workers had gathered since dawn.',
  'The port authority said cruise ships and ferries to Sardinia and Corsica were not affected, but that freight would be delayed until at least Wednesday and some shipping lines had already diverted vessels to La Spezia and Livorno.',
  'Transport minister officials said they would convene both sides in Rome later this week, while business groups warned that a prolonged dispute would hit exporters already struggling with higher shipping costs.',
].join('\n\n');

const OTHER_STRIKE = [
  'Rail workers across Italy will strike for 24 hours on Friday, the second national stoppage this month, as unions press for higher wages to offset inflation, the transport ministry said.',
  'High-speed services between Milan, Rome and Naples will run on a reduced timetable, and regional trains will be guaranteed only during the morning and evening rush hours, operators said.',
  '“We are not asking for favours, we are asking to come home alive,” a union leader said at a rally in Bologna, echoing the slogan of the dockworkers who struck in Genoa this week.',
  'The government has threatened to limit the strike by decree, arguing that repeated stoppages harm travellers, but unions said they would challenge any such order before the courts.',
  'Talks between the unions and the state railway company are due to resume next week, with both sides saying they hoped to reach a deal on the new contract before the summer holidays.',
].join('\n\n');

function dump(o: { domain: string; title: string; body: string; footer?: string; date?: string }): string {
  return [
    ` date 2024-03 https://www.${o.domain}/news/${o.title.toLowerCase().replace(/\W+/g, '-')}`,
    o.title,
    o.title,
    `${o.date ?? '2024-03-11'}T10:00+0100`,
    o.body,
    o.footer ?? '',
  ].join('\n\n');
}

const file = (name: string, text: string): IncomingFile => {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.byteLength, bytes };
};

const original = file(
  'reuters.txt',
  dump({
    domain: 'reuters.com',
    title: 'Genoa dockworkers strike over pay and safety',
    body: STRIKE,
    footer: 'Reporting by Emilio Parodi; Editing by Keith Weir.',
  }),
);
const syndicated = file(
  'ansa.txt',
  dump({
    domain: 'ansa.it',
    title: 'Strike halts Italy’s busiest port',
    body: `GENOA (ANSA) - ${STRIKE}`,
    footer: 'ALL RIGHTS RESERVED © Copyright ANSA. Follow us on social media for more news from Liguria.',
  }),
);
const rescraped = file(
  'reuters-rescrape.txt',
  dump({
    domain: 'reuters.com',
    title: 'Genoa dockworkers strike over pay and safety',
    body: STRIKE,
    footer:
      'Our Standards: The Thomson Reuters Trust Principles. Read next: Italy’s rail workers plan walkout.',
  }),
);
const different = file(
  'rail.txt',
  dump({ domain: 'reuters.com', title: 'Italian rail workers to strike on Friday', body: OTHER_STRIKE }),
);

describe('near duplicates on import', () => {
  it('imports a near duplicate as a separate source, reports it with what it resembles, and groups the versions', async () => {
    const first = await wb.importer.importFiles([original]);
    expect(first.results[0]).toMatchObject({ status: 'imported' });
    const originalId = first.results[0]!.articleId!;

    const second = await wb.importer.importFiles([syndicated, different]);
    expect(second.results.map((r) => r.status)).toEqual(['near-duplicate', 'imported']);
    expect(second.results[0]!.reason).toBe(
      'near-duplicate of "Genoa dockworkers strike over pay and safety" (Reuters)',
    );
    expect(second.results[0]!.title).toBe('Strike halts Italy’s busiest port');
    expect(second).toMatchObject({ imported: 1, nearDuplicates: 1, duplicates: 0, refused: 0 });

    const third = await wb.importer.importFiles([rescraped]);
    expect(third.results[0]).toMatchObject({ status: 'near-duplicate' });

    const list = wb.library.listArticles();
    expect(list).toHaveLength(4);
    const group = (name: string) => list.find((a) => a.fileName === name)?.nearDuplicateGroup;
    expect(group('reuters.txt')).toBe(originalId);
    expect(group('ansa.txt')).toBe(originalId);
    expect(group('reuters-rescrape.txt')).toBe(originalId);
    expect(group('rail.txt')).toBeUndefined();
    // Each version keeps its own outlet and text.
    expect(list.find((a) => a.fileName === 'ansa.txt')!.outlet.domain).toBe('ansa.it');
  });

  it('finds near duplicates within one batch, the earliest file giving the group its id', async () => {
    const r = await wb.importer.importFiles([different, original, syndicated, rescraped]);
    expect(r.results.map((x) => x.status)).toEqual([
      'imported',
      'imported',
      'near-duplicate',
      'near-duplicate',
    ]);
    expect(r.results[2]!.reason).toMatch(
      /^near-duplicate of "Genoa dockworkers strike over pay and safety" \(Reuters\)$/,
    );
    const originalId = r.results[1]!.articleId!;
    const groups = wb.library.listArticles().map((a) => [a.fileName, a.nearDuplicateGroup]);
    expect(groups).toEqual([
      ['rail.txt', undefined],
      ['reuters.txt', originalId],
      ['ansa.txt', originalId],
      ['reuters-rescrape.txt', originalId],
    ]);
  });

  it('still reports exact duplicates (same bytes, same text) as duplicates, not near duplicates', async () => {
    await wb.importer.importFiles([original]);
    const r = await wb.importer.importFiles([{ ...original, name: 'copy.txt' }]);
    expect(r.results[0]).toMatchObject({ status: 'duplicate' });
    const twin = await wb.importer.importFiles([syndicated, { ...syndicated, name: 'ansa-copy.txt' }]);
    expect(twin.results.map((x) => x.status)).toEqual(['near-duplicate', 'duplicate']);
    expect(twin.results[1]!.articleId).toBe(twin.results[0]!.articleId);
  });

  it('keeps the same text from another outlet as a separate source (a near duplicate); from the same outlet it is a duplicate', async () => {
    const story = { title: 'Genoa dockworkers strike over pay and safety', body: STRIKE };
    const reuters = file('reuters.txt', dump({ ...story, domain: 'reuters.com' }));
    const sameTextOtherOutlet = file('apnews.txt', dump({ ...story, domain: 'apnews.com' }));
    // Other bytes (another URL path, another date line), the same text and outlet: the article saved twice.
    const sameOutletAgain = file(
      'reuters-again.txt',
      dump({ ...story, domain: 'reuters.com', date: '2024-03-12' }).replace('/news/', '/world/'),
    );
    expect(
      new Set(
        [reuters, sameTextOtherOutlet, sameOutletAgain].map((f) => Buffer.from(f.bytes!).toString('hex')),
      ).size,
    ).toBe(3);

    const first = await wb.importer.importFiles([reuters, sameTextOtherOutlet]);
    expect(first.results.map((x) => x.status)).toEqual(['imported', 'near-duplicate']);
    expect(first.results[1]!.reason).toBe(
      'near-duplicate of "Genoa dockworkers strike over pay and safety" (Reuters)',
    );
    const [ap] = wb.library.listArticles().filter((a) => a.fileName === 'apnews.txt');
    expect(ap!.outlet).toEqual({ name: 'AP News', domain: 'apnews.com' });
    expect(ap!.nearDuplicateGroup).toBe(first.results[0]!.articleId);

    // From the library, and within one batch.
    const later = await wb.importer.importFiles([sameOutletAgain]);
    expect(later.results[0]).toMatchObject({ status: 'duplicate', articleId: first.results[0]!.articleId });
    expect(later.results[0]!.reason).toMatch(/^same text from the same outlet already in the library/);
    await wb.close();
    tmp.cleanup();
    tmp = tempDir();
    wb = await open();
    const batch = await wb.importer.importFiles([reuters, sameOutletAgain, sameTextOtherOutlet]);
    expect(batch.results.map((x) => x.status)).toEqual(['imported', 'duplicate', 'near-duplicate']);
    expect(batch.results[1]!.reason).toBe('same content as reuters.txt in this import');
  });

  it('keeps signatures in near-duplicates.json, reads them after reopening instead of recomputing, and rebuilds a lost file', async () => {
    await wb.importer.importFiles([original, different]);
    const path = join(tmp.dir, SIGNATURES_FILE);
    const stored = JSON.parse(readFileSync(path, 'utf8'));
    expect(stored.scheme).toBe(SIGNATURE_SCHEME);
    expect(Object.keys(stored.signatures).sort()).toEqual(
      wb.library
        .listArticles()
        .map((a) => a.id)
        .sort(),
    );
    expect(Object.values(stored.signatures).every((s) => typeof s === 'string' && s.length === 344)).toBe(
      true,
    );
    // The index itself stays small: no signature in articles.json.
    expect(readFileSync(join(tmp.dir, 'articles.json'), 'utf8')).not.toContain(
      stored.signatures[wb.library.listArticles()[0]!.id],
    );

    await wb.close();
    wb = await open();
    const reads = vi.spyOn(store, 'readArticleText');
    expect((await wb.importer.importFiles([syndicated])).results[0]!.status).toBe('near-duplicate');
    expect(reads).not.toHaveBeenCalled();

    await wb.close();
    rmSync(path);
    wb = await open();
    const rebuilt = vi.spyOn(store, 'readArticleText');
    expect((await wb.importer.importFiles([rescraped])).results[0]!.status).toBe('near-duplicate');
    expect(rebuilt).toHaveBeenCalledTimes(3);
    expect(Object.keys(JSON.parse(readFileSync(path, 'utf8')).signatures)).toHaveLength(4);
  });

  it('forgets a deleted article: a new version then starts a group of its own', async () => {
    const r = await wb.importer.importFiles([original]);
    await wb.library.deleteArticle(r.results[0]!.articleId!);
    const again = await wb.importer.importFiles([syndicated]);
    expect(again.results[0]!.status).toBe('imported');
  });
});

describe('a batch is all or nothing', () => {
  const articleDirs = () => readdirSync(join(tmp.dir, 'articles')).filter((n) => !n.startsWith('.'));

  it('leaves the index, the groups and the folders as they were when a file write fails midway', async () => {
    await wb.importer.importFiles([original]);
    const before = { digest: treeDigest(tmp.dir), list: wb.library.listArticles(), dirs: articleDirs() };
    const write = store.writeArticleFiles.bind(store);
    let n = 0;
    vi.spyOn(store, 'writeArticleFiles').mockImplementation(async (...args) => {
      if (++n === 2) throw new Error('disk full');
      return write(...args);
    });
    await expect(wb.importer.importFiles([syndicated, different])).rejects.toThrow('disk full');
    expect(wb.library.listArticles()).toEqual(before.list);
    expect(articleDirs()).toEqual(before.dirs);
    expect(treeDigest(tmp.dir)).toEqual(before.digest);
    vi.restoreAllMocks();
    // The next batch goes through normally, and sees the library as it was.
    const r = await wb.importer.importFiles([syndicated, different]);
    expect(r.results.map((x) => x.status)).toEqual(['near-duplicate', 'imported']);
  });

  it('puts everything back when the index write fails', async () => {
    await wb.importer.importFiles([original]);
    const before = {
      list: wb.library.listArticles(),
      dirs: articleDirs(),
      index: readFileSync(join(tmp.dir, 'articles.json'), 'utf8'),
    };
    vi.spyOn(store.articles, 'write').mockRejectedValueOnce(new Error('no space left on device'));
    await expect(wb.importer.importFiles([syndicated, different])).rejects.toThrow('no space left');
    expect(wb.library.listArticles()).toEqual(before.list);
    expect(wb.library.listArticles()[0]!.nearDuplicateGroup).toBeUndefined();
    expect(articleDirs()).toEqual(before.dirs);
    expect(readFileSync(join(tmp.dir, 'articles.json'), 'utf8')).toBe(before.index);
    for (const id of articleDirs()) expect(existsSync(join(tmp.dir, 'articles', id, 'text.json'))).toBe(true);
  });

  it('runs concurrent calls one batch at a time', async () => {
    const [a, b] = await Promise.all([
      wb.importer.importFiles([original]),
      wb.importer.importFiles([syndicated]),
    ]);
    expect(a.results[0]!.status).toBe('imported');
    expect(b.results[0]!.status).toBe('near-duplicate');
  });
});

describe('CLI import', () => {
  it('keeps stdout one line per file (near duplicates with their title) and prints progress to stderr with --progress', async () => {
    const { runCli, startProgress } = await import('../../../electron/cli/index');
    const { writeFileSync, mkdirSync } = await import('node:fs');
    const src = join(tmp.dir, 'in');
    mkdirSync(src);
    for (const f of [
      original,
      syndicated,
      different,
      { name: 'empty.txt', size: 0, bytes: new Uint8Array() },
    ])
      writeFileSync(join(src, f.name), f.bytes!);
    await wb.close();
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['import', src, '--library', join(tmp.dir, 'cli-lib'), '--progress'], {
      log: (s) => out.push(s),
      err: (s) => err.push(s),
      isTTY: false,
    });
    expect(code).toBe(1);
    expect(out).toHaveLength(4);
    // Folders are read in name order: ansa.txt comes first, so the Reuters file is its near duplicate.
    expect(out.find((l) => l.startsWith('near-duplicate\t'))).toMatch(
      /^near-duplicate\tin › reuters\.txt\t[0-9a-f]{16}\tGenoa dockworkers strike over pay and safety\tnear-duplicate of "Strike halts Italy’s busiest port" \(.+\)$/,
    );
    expect(err.some((l) => /^import: 4\/4 files \(100 %\)/.test(l))).toBe(true);
    expect(err.at(-1)).toBe('2 imported, 0 duplicate, 1 refused, 1 near-duplicate');
    wb = await open();

    // On a terminal the line is rewritten in place about once a second, and cleared at the end.
    const raw: string[] = [];
    let t = 0;
    const progress = startProgress(
      4,
      { log: () => {}, err: () => {}, isTTY: true, errRaw: (s) => raw.push(s) },
      5,
      () => (t += 1000),
    );
    progress.update({ done: 2, current: 'ansa.txt … rail.txt' });
    await new Promise((r) => setTimeout(r, 30));
    progress.stop();
    const CLEAR_LINE = '\r\u001b[K';
    expect(raw[0]!.startsWith(CLEAR_LINE)).toBe(true);
    expect(raw[0]!.slice(CLEAR_LINE.length)).toMatch(
      /^import: 2\/4 files \(50 %\), [\d.]+ files\/s, about \d+ s left — ansa\.txt … rail\.txt$/,
    );
    expect(raw.at(-1)).toBe(CLEAR_LINE);
  });
});
