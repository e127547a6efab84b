import { toMarkdown, escapeMarkdownInline } from '../../../../../shared/domain/export/markdown';
import { FOGLIETTONE_TITLE, makeSnapshot, sputnik, fogliettone } from './fixture';

/** The lines of the section under a "## " heading, up to the next "## " heading. */
function section(md: string, heading: string): string[] {
  const lines = md.split('\n');
  const start = lines.indexOf(`## ${heading}`);
  expect(start, `heading "${heading}"`).toBeGreaterThanOrEqual(0);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => l.startsWith('## '));
  return end < 0 ? rest : rest.slice(0, end);
}

describe('toMarkdown', () => {
  const md = toMarkdown(makeSnapshot());

  it('starts with the title, the export date and the counts', () => {
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Analyst Workbench — claim notes');
    expect(lines[2]).toBe(
      'Exported 2024-03-05 16:45 UTC · 3 claims (1 without evidence) · 2 articles · 3 quotes',
    );
  });

  it('puts both quotes under the claim heading, oldest first, with outlet, date, link, stance, speaker, note and tags', () => {
    const body = section(md, 'CSTO troops will withdraw from Kazakhstan').join('\n');
    expect(body).toContain('Speaker: CSTO · Note: Timeline unclear');
    expect(body).toContain('**2 sources: 1 asserts, 1 reports**');

    const sp = body.indexOf('> «per un periodo di tempo limitato»');
    const fo = body.indexOf('> «si ritirerà dal territorio del Kazakistan»');
    expect(sp).toBeGreaterThanOrEqual(0);
    expect(fo).toBeGreaterThan(sp);

    expect(body).toContain(
      '— **Sputnik Italia** (it.sputniknews.com), 2022-01-07 14:26 · stance: **reports** · speaker: CSTO',
    );
    expect(body).toContain(
      '— **ilfogliettone.it** (ilfogliettone.it), 2022-01-10 · stance: **asserts** · speaker: Putin',
    );
    expect(body).toContain(`[link](${sputnik.url})`);
    expect(body).toContain(`[link](${fogliettone.url})`);
    expect(body).toContain('Kazakistan, giro di telefonate tra Putin e Tokayev* (it)');
    expect(body).toContain('- Note: Via Peskov');
    expect(body).toContain('- Note: First-hand statement');
    expect(body).toContain('- Tags: Putin; videoconference');
  });

  it('orders claims by evidence count and lists claims without evidence at the end', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# Analyst Workbench — claim notes',
      '## CSTO troops will withdraw from Kazakhstan',
      '## The CSTO deployment is a peacekeeping mission',
      '## Claims without evidence',
    ]);
    expect(section(md, 'Claims without evidence').filter(Boolean)).toEqual([
      '- China offers Kazakhstan assistance against "colour revolutions" · note: To check, follow up',
    ]);
  });

  it('keeps every line of a multi-line quote inside the blockquote', () => {
    const body = section(md, 'The CSTO deployment is a peacekeeping mission');
    const i = body.indexOf('> «Le forze di pace');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(body[i + 1]).toBe('> lasceranno il paese»');
    expect(body.join('\n')).toContain('- Note: Says "peacekeepers", not troops');
    expect(body.join('\n')).toContain('**1 source: 1 supports**');
  });

  it('neutralises hostile titles: no heading, link or HTML injection', () => {
    // No line but ours starts a heading (checked above); the title's link and tag are escaped.
    const line = md.split('\n').find((l) => l.includes('heading Putin risponde'));
    expect(line).toBeDefined();
    expect(line).toContain('*\\# heading Putin');
    expect(line).toContain('\\[x\\](javascript:alert(1))');
    expect(line).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(md).not.toMatch(/(^|[^\\])\[x\]/);
    expect(md).not.toMatch(/(^|[^\\])<img/);
    expect(FOGLIETTONE_TITLE.startsWith('# heading')).toBe(true);
  });

  it('escapes multi-line notes and claim texts line by line', () => {
    const snap = makeSnapshot();
    snap.claims = snap.claims.map((c) =>
      c.id === 'claim-withdraw'
        ? { ...c, text: '# Pwned #', note: 'first\n# injected heading\n    code block\n1. list\n===' }
        : c,
    );
    const out = toMarkdown(snap);
    const lines = out.split('\n');
    expect(lines).toContain('## \\# Pwned \\#');
    expect(lines).toContain('\\# injected heading');
    expect(lines).toContain('code block');
    expect(lines).toContain('1\\. list');
    expect(lines).toContain('\\===');
    expect(lines.filter((l) => /^#{1,6}(\s|$)/.test(l))).toHaveLength(4);
  });

  it('links only http(s) URLs and percent-encodes what would end the link', () => {
    const snap = makeSnapshot();
    snap.articles = snap.articles.map((a) =>
      a.id === 'art-sputnik'
        ? { ...a, url: 'https://example.org/a b)(c)<d>[e]' }
        : { ...a, url: 'javascript:alert(1)' },
    );
    const out = toMarkdown(snap);
    expect(out).toContain('[link](https://example.org/a%20b%29%28c%29%3Cd%3E%5Be%5D)');
    expect(out).not.toMatch(/[^\\]\]\(javascript/);
    expect(out).toContain('link: javascript:alert(1)');
  });

  it('shows missing fields plainly', () => {
    const snap = makeSnapshot();
    snap.articles = snap.articles.map((a) => ({
      ...a,
      title: '',
      url: null,
      published: null,
      outlet: { name: '', domain: null },
      language: null,
    }));
    const out = toMarkdown(snap);
    expect(out).toContain('— **Unknown outlet**, undated · stance: **reports**');
    expect(out).toContain('- Article: *(untitled)* · no URL');
  });
});

describe('escapeMarkdownInline', () => {
  it('escapes inline syntax and collapses line breaks', () => {
    expect(escapeMarkdownInline('# a *b* _c_ `d` [e](f) <g> h|i ~~j~~ \\ &amp;\nk')).toBe(
      '\\# a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<g\\> h\\|i \\~\\~j\\~\\~ \\\\ \\&amp; k',
    );
  });
});
