// Generates a folder of hostile and broken files for the CLI test (cli-bad-files.test.ts): deterministic for
// a seed, cheap on disk and in time. A few one-off files are always made (a sparse 1 GiB file, zip bombs,
// zip-slip names, archives nested past the depth limit, pages nested 12,000 deep, multi-megabyte single
// lines…); the rest cycles through cheap kinds (empty, whitespace, random binary behind text extensions,
// image and executable headers renamed, NULs and invalid UTF-8 in text, truncated and byte-flipped copies of
// the real format fixtures, unsupported extensions, RTF, JSON without text fields).
import { closeSync, openSync, readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants as zlibConstants, crc32, deflateRawSync } from 'node:zlib';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { mulberry32 } from '../../helpers/seeded';

export interface GeneratedFile {
  /** File name in the folder (unique). */
  name: string;
  kind: string;
}

const FORMATS_DIR = new URL('../../fixtures/formats/', import.meta.url);
const ARTICLES_DIR = new URL('../../fixtures/articles/', import.meta.url);

/** The real fixtures whose damaged copies are generated. */
export const MUTATED_FIXTURES = [
  'giornale.pdf',
  'articolo-libreoffice.pdf',
  'articolo.docx',
  'articolo.odt',
  'newsletter.eml',
  'solo-html.eml',
  'news-please.json',
  'trafilatura.json',
  'misto.jsonl',
  'articoli.zip',
  'cifrato.zip',
];

/** mulberry32: a small seeded PRNG, so a failing run can be repeated exactly. */
export function prng(seed: number) {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const bytes = (n: number) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = (next() * 256) | 0;
    return out;
  };
  return { next, int, pick, bytes };
}
type Rng = ReturnType<typeof prng>;

const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};

// ---- ZIP archives whose entries are too big to compress in a test: deflate made by repetition ----

export interface RawEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  data: Uint8Array;
  crc: number;
  size: number;
}

/**
 * `size` zero bytes, deflated without compressing them: one MiB of zeros is deflated once with a full flush
 * (byte-aligned, no back-references across the flush), repeated, and closed with an empty final block.
 */
function zeroEntry(name: string, mib: number): RawEntry {
  const mibZeros = Buffer.alloc(1024 * 1024);
  const block = deflateRawSync(mibZeros, { level: 9, finishFlush: zlibConstants.Z_FULL_FLUSH });
  const end = deflateRawSync(Buffer.alloc(0));
  let crc = 0;
  for (let i = 0; i < mib; i++) crc = crc32(mibZeros, crc);
  const data = new Uint8Array(block.length * mib + end.length);
  for (let i = 0; i < mib; i++) data.set(block, i * block.length);
  data.set(end, block.length * mib);
  return { name, method: 8, data, crc, size: mib * 1024 * 1024 };
}

/** A minimal ZIP writer (local headers, central directory, end record) for entries prepared by hand. */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = utf8(e.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x800, true);
    lv.setUint16(8, e.method, true);
    lv.setUint32(14, e.crc, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, e.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x800, true);
    cv.setUint16(10, e.method, true);
    cv.setUint32(16, e.crc, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, e.size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, e.data);
    centrals.push(central);
    offset += local.length + e.data.length;
  }
  const dir = concat(...centrals);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, dir.length, true);
  ev.setUint32(16, offset, true);
  return concat(...locals, dir, eocd);
}

/** Declares `size` as an entry's unpacked size in both its headers (the lie of a zip bomb). */
function lieAboutSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let p = 0; p + 4 <= out.length; p++) {
    const sig = view.getUint32(p, true);
    if (sig === 0x04034b50) view.setUint32(p + 22, size, true);
    else if (sig === 0x02014b50) view.setUint32(p + 24, size, true);
  }
  return out;
}

// ---- text material ----

const WORDS =
  'il la di che per una con non sono della governo città consiglio sindaco progetto lavori milioni euro ieri oggi secondo the of and to in report council mayor project budget million yesterday according'.split(
    ' ',
  );

function sentence(rng: Rng): string {
  const n = rng.int(6, 18);
  const words = Array.from({ length: n }, () => rng.pick(WORDS));
  const s = words.join(' ');
  return s[0]!.toUpperCase() + s.slice(1) + '.';
}

function articleText(rng: Rng, paragraphs = rng.int(3, 8)): string {
  const title = sentence(rng).replace(/\.$/, '');
  const body = Array.from({ length: paragraphs }, () =>
    Array.from({ length: rng.int(2, 5) }, () => sentence(rng)).join(' '),
  );
  return [title, '', ...body.flatMap((p) => [p, ''])].join('\n');
}

// ---- the kinds ----

const TEXT_EXTS = ['.txt', '.md', '.text', '.markdown', '.html', '.htm'];
const ANY_SUPPORTED = [
  ...TEXT_EXTS,
  '.json',
  '.jsonl',
  '.ndjson',
  '.pdf',
  '.docx',
  '.odt',
  '.eml',
  '.zip',
  '.rtf',
  '.mhtml',
  '.mht',
];
const UNSUPPORTED = [
  '.exe',
  '.dll',
  '',
  '.bin',
  '.doc',
  '.xls',
  '.png',
  '.gz',
  '.so',
  '.dmg',
  '.iso',
  '.ps1',
  '.sh',
  '.csv',
];

const MAGIC: Array<[string, number[]]> = [
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]],
  ['jpeg', [0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]],
  ['elf', [0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
  ['gif', [...utf8('GIF89a')]],
  ['exe', [0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]],
  ['gzip', [0x1f, 0x8b, 8, 0]],
  ['zip', [0x50, 0x4b, 3, 4]],
  ['pdf', [...utf8('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')]],
];

type Maker = (
  rng: Rng,
  fixtures: Map<string, Uint8Array>,
  articles: string[],
) => { kind: string; ext: string; bytes: Uint8Array };

const KINDS: Array<[weight: number, make: Maker]> = [
  [5, (rng) => ({ kind: 'empty', ext: rng.pick(ANY_SUPPORTED), bytes: new Uint8Array(0) })],
  [
    5,
    (rng) => {
      const ws = [' ', '\t', '\n', '\r\n', '\u00a0', '\u3000', '\u2028', '\ufeff', '\v', '\f'];
      return {
        kind: 'whitespace',
        ext: rng.pick([...TEXT_EXTS, '.json', '.jsonl', '.eml']),
        bytes: utf8(Array.from({ length: rng.int(1, 3000) }, () => rng.pick(ws)).join('')),
      };
    },
  ],
  [
    12,
    (rng) => ({ kind: 'random-binary', ext: rng.pick(ANY_SUPPORTED), bytes: rng.bytes(rng.int(1, 16_384)) }),
  ],
  [
    10,
    (rng) => {
      const [what, head] = rng.pick(MAGIC);
      return {
        kind: `${what}-renamed`,
        ext: rng.pick(['.txt', '.html', '.md', '.json', '.eml', '.htm']),
        bytes: concat(new Uint8Array(head), rng.bytes(rng.int(0, 8192))),
      };
    },
  ],
  [
    6,
    (rng, _f, articles) => {
      const text = utf8(rng.next() < 0.5 ? rng.pick(articles) : articleText(rng));
      const out = Array.from(text);
      for (let i = rng.int(1, 40); i > 0; i--) out.splice(rng.int(0, out.length), 0, 0);
      return { kind: 'nul-in-text', ext: rng.pick(TEXT_EXTS), bytes: new Uint8Array(out) };
    },
  ],
  [
    6,
    (rng, _f, articles) => {
      const text = utf8(rng.next() < 0.5 ? rng.pick(articles) : articleText(rng));
      const out = Array.from(text);
      const bad = [
        [0xc3, 0x28],
        [0xff],
        [0xfe],
        [0x80],
        [0xe2, 0x82],
        [0xf0, 0x28, 0x8c, 0x28],
        [0xed, 0xa0, 0x80],
        [0xc0, 0xaf],
      ];
      for (let i = rng.int(1, 30); i > 0; i--) out.splice(rng.int(0, out.length), 0, ...rng.pick(bad));
      return {
        kind: 'invalid-utf8',
        ext: rng.pick([...TEXT_EXTS, '.json', '.jsonl']),
        bytes: new Uint8Array(out),
      };
    },
  ],
  [
    30,
    (rng, fixtures) => {
      const name = rng.pick(MUTATED_FIXTURES);
      const original = fixtures.get(name)!;
      const ext = name.slice(name.lastIndexOf('.'));
      const stem = name.slice(0, name.lastIndexOf('.'));
      const how = rng.int(0, 2);
      if (how === 0)
        return { kind: `truncated-${stem}`, ext, bytes: original.slice(0, rng.int(0, original.length - 1)) };
      const out = original.slice();
      if (how === 1) {
        for (let i = rng.int(1, 12); i > 0; i--) out[rng.int(0, out.length - 1)]! ^= rng.int(1, 255);
        return { kind: `flipped-${stem}`, ext, bytes: out };
      }
      const at = rng.int(0, out.length);
      return {
        kind: `spliced-${stem}`,
        ext,
        bytes: concat(
          out.subarray(0, at),
          rng.bytes(rng.int(0, 512)),
          out.subarray(Math.min(out.length, at + rng.int(0, 512))),
        ),
      };
    },
  ],
  [
    8,
    (rng, _f, articles) => ({
      kind: 'unsupported',
      ext: rng.pick(UNSUPPORTED),
      bytes: rng.next() < 0.5 ? rng.bytes(rng.int(1, 4096)) : utf8(rng.pick(articles)),
    }),
  ],
  [
    3,
    (rng, fixtures) => {
      const rtf = fixtures.get('articolo.rtf')!;
      const bytes =
        rng.next() < 0.5
          ? utf8(`{\\rtf1\\ansi ${sentence(rng)}\\par}`)
          : rtf.slice(0, rng.int(1, rtf.length));
      return { kind: 'rtf', ext: '.rtf', bytes };
    },
  ],
  [
    6,
    (rng) => {
      const shapes = [
        () => ({ id: rng.int(0, 1e6), tags: ['a', 'b'], score: rng.next() }),
        () => [{ id: 1 }, { id: 2, url: 'https://example.org/x' }],
        () => ({ title: '', text: '', content: null }),
        () => ({ nested: { deeper: { deepest: [1, 2, 3] } } }),
        () => [[], {}, null, 0, false],
        () => rng.int(0, 1e9),
        () => 'just a string',
        () => ({ url: 'https://example.org/a', date: '2024-01-01', authors: [] }),
        () => [],
      ];
      const value = rng.pick(shapes)();
      const jsonl = rng.next() < 0.3;
      const text = jsonl
        ? Array.from({ length: rng.int(1, 5) }, () => JSON.stringify(rng.pick(shapes)())).join('\n')
        : JSON.stringify(value, null, rng.int(0, 2));
      return { kind: 'json-no-text', ext: jsonl ? '.jsonl' : '.json', bytes: utf8(text) };
    },
  ],
  [
    4,
    (rng) => {
      const tags = [
        '<div>',
        '</div>',
        '<p>',
        '</p>',
        '<script>',
        '</script>',
        '<!--',
        '-->',
        '<![CDATA[',
        '<table><tr><td>',
        '<body>',
        '</html>',
        '<a href="javascript:x">',
        '<img src=x onerror=y>',
        '&#0;',
        '&#x110000;',
        '&amp',
        '<',
      ];
      const parts = Array.from({ length: rng.int(1, 400) }, () =>
        rng.next() < 0.6 ? rng.pick(tags) : rng.pick(WORDS),
      );
      return {
        kind: 'tag-soup',
        ext: rng.pick(['.html', '.htm', '.mhtml']),
        bytes: utf8(parts.join(rng.pick(['', ' ', '\n']))),
      };
    },
  ],
  [
    2,
    (rng) => ({
      kind: 'too-short',
      ext: rng.pick(TEXT_EXTS),
      bytes: utf8(rng.pick(['ok', 'a', '.', 'Titolo', '# Title', '<p>hi</p>', '42'])),
    }),
  ],
];

/** The one-off files: name (extension included) and how to write it. */
function specials(
  fixtures: Map<string, Uint8Array>,
  articles: string[],
): Array<{ name: string; kind: string; write: (path: string) => void }> {
  const bytes = (b: () => Uint8Array) => (path: string) => writeFileSync(path, b());
  const zip = (files: Zippable) => zipSync(files, { level: 6 });
  const article = articles[0]!;
  return [
    {
      // Sparse: truncate() on a new file allocates nothing; the CLI must refuse it by its size alone.
      name: 'sparse-1gib.txt',
      kind: 'sparse-1gib',
      write: (path) => {
        closeSync(openSync(path, 'w'));
        truncateSync(path, 1024 * 1024 * 1024);
      },
    },
    {
      // Between the 20 MB cap for other formats and the 50 MB cap for PDF: read, and refused as no PDF.
      name: 'sparse-30mb.pdf',
      kind: 'sparse-30mb-pdf',
      write: (path) => {
        closeSync(openSync(path, 'w'));
        truncateSync(path, 30 * 1024 * 1024);
      },
    },
    // Multi-megabyte single lines after a title line, so that they reach the paragraph machinery.
    {
      name: 'huge-line-words.txt',
      kind: 'huge-line',
      write: bytes(() =>
        utf8(`Huge line\n\n${Array.from({ length: 400_000 }, (_, i) => WORDS[i % WORDS.length]).join(' ')}`),
      ),
    },
    // No whitespace at all, sentence marks glued to capitals: the glued-paragraph splitter's worst case.
    {
      name: 'huge-line-glued.json',
      kind: 'huge-line',
      write: bytes(() => utf8(JSON.stringify({ title: 'Huge glued line', text: 'Abc.Def'.repeat(450_000) }))),
    },
    {
      name: 'deep-divs.html',
      kind: 'deep-html',
      write: bytes(() =>
        utf8(`<html><body>${'<div>'.repeat(12_000)}${article}${'</div>'.repeat(12_000)}</body></html>`),
      ),
    },
    {
      name: 'deep-unclosed.htm',
      kind: 'deep-html',
      write: bytes(() => utf8(`<title>Deep</title>${'<b><i>'.repeat(10_000)}${article}`)),
    },
    // Found by this run: Readability looped forever on an unclosed CDATA section holding "-->" (linkedom keeps
    // it as a comment whose serialised form re-parses as markup), and threw on text inside <head>.
    {
      name: 'cdata-loop.html',
      kind: 'html-structure',
      write: bytes(() =>
        utf8(
          `<html><head></head><body><li><![CDATA[ ${article.slice(0, 200)} --><!DOCTYPE html></body></html>`,
        ),
      ),
    },
    {
      name: 'text-in-head.html',
      kind: 'html-structure',
      write: bytes(() =>
        utf8(
          `<html><head><title>Head</title><p>${article.replace(/\n+/g, '</p><p>')}</p><body><p>Footer</p></body></html>`,
        ),
      ),
    },
    {
      name: 'deep-array.json',
      kind: 'deep-json',
      write: bytes(() => utf8(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)),
    },
    {
      name: 'deep-object.jsonl',
      kind: 'deep-json',
      write: bytes(() => utf8(`${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}\n`)),
    },
    // Zip bombs. Declared sizes over the archive limit: refused before anything is unpacked.
    {
      name: 'bomb-total.zip',
      kind: 'zip-bomb',
      write: bytes(() => rawZip([zeroEntry('a.txt', 200), zeroEntry('b.txt', 200), zeroEntry('c.txt', 200)])),
    },
    // One entry under the archive limit but far over the per-file cap.
    { name: 'bomb-entry.zip', kind: 'zip-bomb', write: bytes(() => rawZip([zeroEntry('big.txt', 400)])) },
    // An entry that lies about its size: 64 MiB of zeros declared as 1,000 bytes.
    {
      name: 'bomb-liar.zip',
      kind: 'zip-bomb',
      write: bytes(() => lieAboutSize(rawZip([zeroEntry('liar.txt', 64)]), 1000)),
    },
    // Archives of archives of zeros: each inner one under the cap, their sum over the shared budget.
    {
      name: 'bomb-nested.zip',
      kind: 'zip-bomb',
      write: bytes(() => {
        const inner = rawZip(Array.from({ length: 10 }, (_, i) => zeroEntry(`part-${i}.txt`, 19)));
        return zip(
          Object.fromEntries(
            Array.from({ length: 3 }, (_, i) => [`inner-${i}.zip`, [inner, { level: 0 }]]),
          ) as Zippable,
        );
      }),
    },
    {
      name: 'zip-slip.zip',
      kind: 'zip-slip',
      write: bytes(() =>
        zip({
          '../../etc/evil.txt': strToU8(article),
          '/abs/evil.txt': strToU8(article),
          'C:/windows/evil.txt': strToU8(article),
          'a/../../b/evil.txt': strToU8(article),
          '..\\..\\evil.txt': strToU8(article),
          'ok/../../evil.md': strToU8(article),
        }),
      ),
    },
    {
      name: 'nested-deep.zip',
      kind: 'zip-nested',
      write: bytes(() => {
        let z = zip({ 'inner.txt': strToU8(article) });
        for (let depth = 4; depth >= 1; depth--) z = zip({ [`level-${depth}.zip`]: z });
        return z;
      }),
    },
    {
      name: 'too-many-entries.zip',
      kind: 'zip-entries',
      write: bytes(() =>
        zip(Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`${i}.txt`, new Uint8Array(0)]))),
      ),
    },
    { name: 'empty-archive.zip', kind: 'zip-empty', write: bytes(() => zip({})) },
    {
      name: 'attachments.eml',
      kind: 'eml-attachments',
      write: bytes(() => {
        const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64').replace(/.{76}/g, '$&\r\n');
        const part = (name: string, type: string, data: Uint8Array) =>
          `--XX\r\nContent-Type: ${type}; name="${name}"\r\nContent-Disposition: attachment; filename="${name}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64(data)}\r\n`;
        return utf8(
          'From: a@example.org\r\nTo: b@example.org\r\nSubject: attachments\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="XX"\r\n\r\n' +
            '--XX\r\nContent-Type: text/plain\r\n\r\n\r\n' +
            part('tool.exe', 'application/octet-stream', new Uint8Array([0x4d, 0x5a, 0x90, 0])) +
            part('../../escape.txt', 'text/plain', new Uint8Array([0xff, 0xfe, 0])) +
            part('nested.zip', 'application/zip', rawZip([zeroEntry('big.txt', 30)])) +
            '--XX--\r\n',
        );
      }),
    },
    { name: 'article.rtf', kind: 'rtf', write: bytes(() => fixtures.get('articolo.rtf')!) },
    { name: 'encrypted.zip', kind: 'zip-encrypted', write: bytes(() => fixtures.get('cifrato.zip')!) },
    // Names are hostile too: the report is one line of tab-separated fields per file.
    { name: 'name with\ttab.txt', kind: 'hostile-name', write: bytes(() => utf8('Only a title')) },
    { name: 'name with\nnewline.md', kind: 'hostile-name', write: bytes(() => utf8(article)) },
    { name: 'README', kind: 'unsupported', write: bytes(() => utf8(article)) },
    {
      name: 'setup.exe',
      kind: 'unsupported',
      write: bytes(() => concat(new Uint8Array([0x4d, 0x5a]), new Uint8Array(4096))),
    },
    {
      name: 'library.dll',
      kind: 'unsupported',
      write: bytes(() => concat(new Uint8Array([0x4d, 0x5a]), new Uint8Array(2048))),
    },
  ];
}

/**
 * Writes `count` files into `dir` (count ≥ the one-off files) and returns their names and kinds, sorted by
 * name (the order the CLI walks the folder in).
 */
export function generateBadFiles(dir: string, count: number, seed: number): GeneratedFile[] {
  const rng = prng(seed);
  const fixtures = new Map(
    MUTATED_FIXTURES.concat('articolo.rtf').map((n) => [
      n,
      new Uint8Array(readFileSync(new URL(n, FORMATS_DIR))),
    ]),
  );
  const articles = readdirSync(ARTICLES_DIR).map((n) => readFileSync(new URL(n, ARTICLES_DIR), 'utf8'));
  const once = specials(fixtures, articles);
  if (count < once.length) throw new Error(`BAD_FILES must be at least ${once.length}`);
  const out: GeneratedFile[] = [];
  for (const s of once) {
    s.write(join(dir, s.name));
    out.push({ name: s.name, kind: s.kind });
  }
  const total = KINDS.reduce((s, [w]) => s + w, 0);
  const width = String(count).length;
  for (let i = 0; out.length < count; i++) {
    let r = rng.next() * total;
    const make = KINDS.find(([w]) => (r -= w) < 0)?.[1] ?? KINDS[0]![1];
    const { kind, ext, bytes } = make(rng, fixtures, articles);
    const name = `bad-${String(i).padStart(width, '0')}-${kind}${ext}`;
    writeFileSync(join(dir, name), bytes);
    out.push({ name, kind });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
