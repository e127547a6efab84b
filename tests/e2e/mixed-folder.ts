// A collection folder as an analyst's download tree holds it: subfolders per outlet and month, and every format
// the importer reads (scrape dumps, Markdown, saved pages in UTF-8 and windows-1252, e-mails, crawler JSON and
// JSON Lines, zips, Word files, PDFs), with the two real sample articles, byte copies in a downloads folder, the same
// wire story re-published by other outlets in other formats, files that must be refused, and hidden files that
// must be skipped. Every file is written to disk; `expectStatuses` says what an import must answer for each item
// (a record of a .jsonl, an entry of a .zip) given what the library already holds, so a test can check a
// report row by row. Deterministic for a seed.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { pathLabel } from '../../shared/domain/file-labels';
import { NEWS_DOMAINS, NEWS_WORDS, mulberry32 } from '../helpers/seeded';
import { pdfSource } from '../helpers/pdf';

export type Kind = 'story' | 'copy' | 'refused';

/** One article-sized thing the importer answers for: a file, a record of a .jsonl or an entry of a .zip. */
export interface Item {
  /** The report's label: the file name, "x.jsonl#2" or "x.zip › a.txt". */
  label: string;
  kind: Kind;
  /** For stories and copies: the story (re-publications of one wire story share it); the importer groups those. */
  story?: number;
  /** For stories and copies: what the importer hashes (the file, the JSON line or the zip entry). */
  sha?: string;
  /** For stories and copies: the title the importer must find. */
  title?: string;
  /** For stories and copies: the outlet's domain where the format carries one (a URL, a sender), else null. */
  domain?: string | null;
  /** For stories and copies: the publication day. */
  date?: string;
}

export interface MixedFile {
  /** Path below the collection folder. */
  path: string;
  /** What the app calls the file when the collection folder is dropped: its path from that folder. */
  label: string;
  items: Item[];
}

export interface MixedFolder {
  root: string;
  /** Every file the app must take, in the order a folder walk hands them out (names sorted in each folder). */
  files: MixedFile[];
  /** Hidden files that a dropped folder must not send. */
  hidden: string[];
}

const WORDS = NEWS_WORDS;
// Function words in their usual share, so that the texts read as English to a language detector.
const GLUE = [
  'the',
  'the',
  'the',
  'of',
  'of',
  'and',
  'and',
  'to',
  'in',
  'a',
  'for',
  'on',
  'with',
  'said',
  'that',
  'was',
  'by',
  'after',
];
const OUTLETS = NEWS_DOMAINS;
const FORMATS = [
  'txt',
  'txt',
  'txt',
  'txt',
  'md',
  'html',
  'html',
  'htm',
  'eml',
  'json',
  'jsonl',
  'zip',
  'docx',
  'pdf',
] as const;
type Format = (typeof FORMATS)[number];

/** Copies and refusals land here; it sorts among the outlets' folders, so a walk meets it well before the end. */
const INBOX = 'downloads';
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The same folder on every run for a seed. */
function rng(seed: number) {
  const next = mulberry32(seed);
  return { next, pick: <T>(a: readonly T[]) => a[Math.floor(next() * a.length)]! };
}

interface Story {
  id: number;
  title: string;
  paragraphs: string[];
  date: string;
}

function makeStory(id: number, r: ReturnType<typeof rng>): Story {
  const cap = (s: string) => s.replace(/^./, (c) => c.toUpperCase());
  const sentence = () =>
    `${cap(Array.from({ length: 8 + Math.floor(r.next() * 12) }, (_, i) => (i % 2 ? r.pick(GLUE) : r.pick(WORDS))).join(' '))}.`;
  const paragraph = () => Array.from({ length: 2 + Math.floor(r.next() * 3) }, sentence).join(' ');
  // A few titles carry characters that only a right decoding keeps (windows-1252 pages, e-mail headers).
  const accent = id % 9 === 0 ? ' in Côte d’Ivoire' : '';
  const title = `${cap(Array.from({ length: 5 + Math.floor(r.next() * 5) }, () => r.pick(WORDS)).join(' '))}${accent} ${id}`;
  const date = `2024-0${1 + Math.floor(r.next() * 9)}-${String(1 + Math.floor(r.next() * 28)).padStart(2, '0')}`;
  return { id, title, paragraphs: Array.from({ length: 4 + Math.floor(r.next() * 4) }, paragraph), date };
}

const urlOf = (s: Story, domain: string) =>
  `https://www.${domain}/world/${s.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
const footer = (domain: string) =>
  `Reporting by staff; editing by the ${domain.split('.')[0]} desk. © ${domain}, all rights reserved.`;

function scrapeDump(s: Story, domain: string): string {
  return [
    ` date ${s.date.slice(0, 7)} ${urlOf(s, domain)}`,
    s.title,
    s.title,
    `${s.date}T09:30+0100`,
    ...s.paragraphs,
    footer(domain),
  ].join('\n\n');
}

function page(s: Story, domain: string, charset: string): string {
  const ld = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: s.title,
    datePublished: `${s.date}T09:30:00+01:00`,
    author: { '@type': 'Person', name: 'Staff Reporter' },
    publisher: { '@type': 'Organization', name: domain },
  });
  return `<!doctype html><html lang="en"><head><meta charset="${charset}"><title>${esc(s.title)} | ${domain}</title>
<meta property="og:title" content="${esc(s.title)}"><meta property="og:url" content="${urlOf(s, domain)}"><meta property="og:site_name" content="${domain}">
<script type="application/ld+json">${ld.replace(/</g, '\\u003c')}</script></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>${esc(s.title)}</h1><time datetime="${s.date}T09:30:00+01:00">${s.date}</time>
${s.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</article>
<footer><p>${esc(footer(domain))}</p></footer></body></html>`;
}

function eml(s: Story, domain: string): string {
  const subject = `=?UTF-8?B?${Buffer.from(s.title).toString('base64')}?=`;
  return [
    `From: Newsletter <desk@${domain}>`,
    `To: subscriber@example.org`,
    `Subject: ${subject}`,
    `Date: ${new Date(`${s.date}T09:30:00+01:00`).toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    ...s.paragraphs.flatMap((p) => [p, '']),
    footer(domain),
    '',
  ].join('\r\n');
}

const newsPlease = (s: Story, domain: string) => ({
  title: s.title,
  maintext: s.paragraphs.join('\n\n'),
  date_publish: `${s.date} 09:30:00`,
  url: urlOf(s, domain),
  source_domain: `www.${domain}`,
  language: 'en',
  authors: ['Staff Reporter'],
});
const trafilatura = (s: Story, domain: string) => ({
  title: s.title,
  text: s.paragraphs.join('\n'),
  date: s.date,
  url: urlOf(s, domain),
  hostname: domain,
  language: 'en',
});

/** A Word file as Word writes its minimum: content types, the package relation, the document and its title. */
function docx(s: Story): Uint8Array {
  const para = (t: string, style?: string) =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:p>`;
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  return zipSync({
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    ),
    'docProps/core.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Staff Reporter</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${s.date}T08:30:00Z</dcterms:created></cp:coreProperties>`,
    ),
    'word/_rels/document.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ),
    'word/styles.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>`,
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${para(s.title, 'Heading1')}${s.paragraphs.map((p) => para(p)).join('')}</w:body></w:document>`,
    ),
  });
}

/** Lines of at most about `width` characters, broken between words. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && line.length + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  lines.push(line);
  return lines;
}

/** A one-page PDF written object by object: the title in large type, the paragraphs as wrapped lines. */
function pdf(s: Story): Uint8Array {
  // WinAnsiEncoding: Latin-1 where it agrees, ’ at 0x92; a PDF string takes any other byte as an octal escape.
  const ascii = (t: string) =>
    Array.from(t, (c) => {
      const code = c === '’' ? 0x92 : c.charCodeAt(0);
      if (code > 0xff) return '?';
      return code < 0x20 || code > 0x7e
        ? `\\${code.toString(8).padStart(3, '0')}`
        : '\\()'.includes(c)
          ? `\\${c}`
          : c;
    }).join('');
  const lines = s.paragraphs.flatMap((p) => [...wrap(p, 90), '']);
  const body = lines.map((l) => (l ? `(${ascii(l)}) Tj T*` : 'T*')).join('\n');
  // A long title wraps onto a second line of large type, as it would in a real layout (not off the page).
  const titleLines = wrap(s.title, 60);
  const title = titleLines.map((l) => `(${ascii(l)}) Tj T*`).join(' ');
  const content = `BT /F1 14 Tf 17 TL 40 800 Td ${title} ET\nBT /F1 10 Tf 12 TL 40 ${790 - 17 * titleLines.length} Td\n${body}\nET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    `<< /Producer (mixed-folder) /CreationDate (D:${s.date.replace(/-/g, '')}093000+01'00) >>`,
  ];
  return Buffer.from(pdfSource(objects, `/Info ${objects.length} 0 R`), 'latin1');
}

interface Written {
  bytes: Uint8Array;
  items: Item[];
}

/** The file of one format carrying `stories` (several only for .jsonl and .zip), each from `domain`. */
function render(format: Format, stories: Story[], domain: string, name: string): Written {
  const s = stories[0]!;
  // Markdown notes come in two kinds: with YAML front matter (title, date, source URL), or a heading and a date line.
  const frontMatter = format === 'md' && s.id % 2 === 0;
  const carriesOutlet = frontMatter || !['md', 'docx', 'pdf'].includes(format);
  const item = (label: string, st: Story, bytes: Uint8Array): Item => ({
    label,
    kind: 'story',
    story: st.id,
    sha: sha256(bytes),
    title: st.title,
    domain: carriesOutlet ? domain : null,
    date: st.date,
  });
  const one = (bytes: Uint8Array): Written => ({ bytes, items: [item(name, s, bytes)] });
  switch (format) {
    case 'txt':
      return one(strToU8(scrapeDump(s, domain)));
    case 'md':
      return one(
        strToU8(
          frontMatter
            ? `---\ntitle: "${s.title}"\ndate: ${s.date}\nurl: ${urlOf(s, domain)}\n---\n\n${s.paragraphs.join('\n\n')}\n\n*${footer(domain)}*\n`
            : `# ${s.title}\n\n${s.date}\n\n${s.paragraphs.join('\n\n')}\n\n*${footer(domain)}*\n`,
        ),
      );
    case 'html':
      return one(strToU8(page(s, domain, 'utf-8')));
    case 'htm':
      return one(iconv.encode(page(s, domain, 'windows-1252'), 'windows-1252'));
    case 'eml':
      return one(strToU8(eml(s, domain)));
    case 'json':
      return one(strToU8(JSON.stringify(newsPlease(s, domain), null, 2)));
    case 'docx':
      return one(docx(s));
    case 'pdf':
      return one(pdf(s));
    case 'jsonl': {
      const lines = stories.map((st) => JSON.stringify(trafilatura(st, domain)));
      return {
        bytes: strToU8(`${lines.join('\n')}\n`),
        items: stories.map((st, i) => item(`${name}#${i + 1}`, st, strToU8(lines[i]!))),
      };
    }
    case 'zip': {
      const entries = stories.map(
        (st, i) =>
          [`${String(i + 1).padStart(2, '0')}-${st.id}.txt`, strToU8(scrapeDump(st, domain))] as const,
      );
      return {
        bytes: zipSync(Object.fromEntries(entries)),
        items: entries.map(([n, b], i) => item(`${name} › ${n}`, stories[i]!, b)),
      };
    }
  }
}

/** Files that must be refused, each for its own reason. */
function refusal(
  n: number,
  r: ReturnType<typeof rng>,
  name: string,
  samplePdf: Uint8Array,
): { name: string; bytes: Uint8Array } {
  const k = n % 7;
  if (k === 0)
    return {
      name: `${name}-photo.txt`,
      bytes: Buffer.concat([
        Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
        Buffer.from(Array.from({ length: 300 }, () => Math.floor(r.next() * 256))),
      ]),
    };
  if (k === 1) return { name: `${name}-empty.html`, bytes: new Uint8Array(0) };
  if (k === 2) return { name: `${name}-setup.exe`, bytes: Buffer.from('MZ\u0090\u0000 not an article') };
  if (k === 3) return { name: `${name}-cut.pdf`, bytes: samplePdf.slice(0, 40) };
  if (k === 4)
    return {
      name: `${name}-cut.docx`,
      bytes: Buffer.from('PK\u0003\u0004\u0014\u0000\u0000\u0000 truncated'),
    };
  if (k === 5) return { name: `${name}-notes.rtf`, bytes: Buffer.from('{\\rtf1\\ansi Notes for the desk.}') };
  return {
    name: `${name}-crawl.json`,
    bytes: strToU8(JSON.stringify({ status: 200, headers: { server: 'nginx' } })),
  };
}

/**
 * Writes `count` files below `root` (plus hidden ones). Per 100 files: one byte copy of an earlier file in
 * another folder, three re-publications of an earlier story by another outlet in another format, three
 * refusals; the rest are new stories in the format mix above.
 */
export function writeMixedFolder(
  root: string,
  count: number,
  samples: { dir: string; names: string[] },
  seed = 5,
): MixedFolder {
  const r = rng(seed);
  const written: Array<{ path: string; bytes: Uint8Array; items: Item[] }> = [];
  const stories: Story[] = [];
  const published: Array<{ story: Story; domain: string; format: Format }> = [];
  let nextStory = 0;
  const samplePdf = pdf(makeStory(-1, r));
  const folderFor = (domain: string, date: string) => join(domain.split('.')[0]!, date.slice(0, 7));
  for (let i = 0; written.length < count - samples.names.length; i++) {
    const id = String(i).padStart(4, '0');
    const slot = i % 100;
    if (i >= 100 && slot === 41) {
      const src = r.pick(written.filter((w) => w.items[0]!.kind === 'story' && w.items.length === 1));
      const copyName = `${id}-copy-${basename(src.path)}`;
      written.push({
        path: join(INBOX, copyName),
        bytes: src.bytes,
        items: [{ ...src.items[0]!, label: copyName, kind: 'copy' }],
      });
      continue;
    }
    if (i >= 100 && (slot === 7 || slot === 53 || slot === 88)) {
      const src = r.pick(published);
      const domain = r.pick(OUTLETS.filter((o) => o !== src.domain));
      const format = r.pick(['txt', 'html', 'eml', 'json', 'md'] as const);
      const name = `${id}-wire.${format}`;
      const w = render(format, [src.story], domain, name);
      written.push({ path: join(folderFor(domain, src.story.date), name), ...w });
      continue;
    }
    if (i >= 100 && (slot === 19 || slot === 64 || slot === 97)) {
      const f = refusal(i, r, id, samplePdf);
      written.push({
        path: join(INBOX, f.name),
        bytes: f.bytes,
        items: [{ label: f.name, kind: 'refused' }],
      });
      continue;
    }
    const format = r.pick(FORMATS);
    const domain = r.pick(OUTLETS);
    const batch = Array.from({ length: format === 'jsonl' ? 3 : format === 'zip' ? 2 : 1 }, () =>
      makeStory(nextStory++, r),
    );
    stories.push(...batch);
    const name = `${id}.${format}`;
    const w = render(format, batch, domain, name);
    for (const st of batch) published.push({ story: st, domain, format });
    written.push({ path: join(folderFor(domain, batch[0]!.date), name), ...w });
  }
  for (const w of written) {
    mkdirSync(dirname(join(root, w.path)), { recursive: true });
    writeFileSync(join(root, w.path), w.bytes);
  }
  mkdirSync(join(root, 'samples'), { recursive: true });
  for (const n of samples.names) copyFileSync(join(samples.dir, n), join(root, 'samples', n));
  const hidden = ['.DS_Store', join(INBOX, '.~lock.0001.docx#'), join('.git', 'HEAD')];
  for (const h of hidden) {
    mkdirSync(dirname(join(root, h)), { recursive: true });
    writeFileSync(join(root, h), 'not an article');
  }
  const byPath = new Map(written.map((w) => [w.path, w.items]));
  const files = walkOrder(root).map((path) => {
    // Items were labelled by file name while written; dropped with its folder, a file goes by its path from it.
    const label = pathLabel([basename(root), ...path.split(sep)]);
    const items = byPath.get(path) ?? [{ label: basename(path), kind: 'story' as const }];
    return {
      path,
      label,
      items: items.map((it) => ({ ...it, label: label + it.label.slice(basename(path).length) })),
    };
  });
  return { root, files, hidden };
}

/** Paths below `root` in the order the renderer walks a dropped folder: names sorted per folder, hidden skipped. */
export function walkOrder(root: string, rel = ''): string[] {
  const names = readdirSync(join(root, rel)).filter((n) => !n.startsWith('.'));
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.flatMap((n) =>
    statSync(join(root, rel, n)).isDirectory() ? walkOrder(root, join(rel, n)) : [join(rel, n)],
  );
}

export type Status = 'imported' | 'near-duplicate' | 'duplicate' | 'refused';

/**
 * What an import of `files` must answer for each item, given the library's state (`seen`, updated): stored
 * bytes come back as duplicates, a story already stored from another outlet as a near duplicate. The two
 * samples (items without a story) are new the first time and duplicates after.
 */
export function expectStatuses(
  files: readonly MixedFile[],
  seen: { shas: Set<string>; stories: Set<number> },
): Array<{ label: string; status: Status }> {
  const out: Array<{ label: string; status: Status }> = [];
  for (const f of files) {
    for (const it of f.items) {
      if (it.kind === 'refused') {
        out.push({ label: it.label, status: 'refused' });
        continue;
      }
      const sha = it.sha ?? `sample:${it.label}`;
      if (seen.shas.has(sha)) {
        out.push({ label: it.label, status: 'duplicate' });
        continue;
      }
      seen.shas.add(sha);
      if (it.story !== undefined && seen.stories.has(it.story))
        out.push({ label: it.label, status: 'near-duplicate' });
      else out.push({ label: it.label, status: 'imported' });
      if (it.story !== undefined) seen.stories.add(it.story);
    }
  }
  return out;
}
