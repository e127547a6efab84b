// Markdown export: claim notes for analysts. Claims with the most evidence first; under each, its speaker and
// note, a stance tally, and every quote as a blockquote with its outlet, date, link, stance, speaker, article
// title, note and tags. Claims without evidence are listed at the end.
//
// Everything that comes from the library (titles, notes, quotes, outlet names, tags, URLs) is escaped so that
// it renders as the text it is: a hostile title cannot open a heading, list, link, image, HTML tag or code
// block, and only http(s) URLs become links.

import { STANCES } from '../types';
import type { Evidence, LibrarySnapshot, StanceCounts } from '../types';
import { emptyStanceCounts, formatPublished } from '../claims';
import { orderSnapshot } from './order';

export const MARKDOWN_TITLE = 'Analyst Workbench — claim notes';

const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/;
/** Characters with inline meaning: escape, code, emphasis, links/images, HTML/autolinks, tables, strikethrough. */
const INLINE_SPECIAL = /[\\`*_[\]<>|~]/g;
/** "&amp;", "&#60;", "&#x3C;" would render as the character they name. */
const ENTITY = /&(?=#?[A-Za-z0-9]+;)/g;

function escapeChars(s: string): string {
  return s.replace(INLINE_SPECIAL, '\\$&').replace(ENTITY, '\\&');
}

/**
 * Escape one line that starts a Markdown block (a line of a quote or note): inline characters, plus what a
 * line may begin with — headings (#), quotes (>), list markers (- + * 1. 1)), setext underlines (= -) and
 * indented code (leading spaces are dropped).
 */
function escapeLine(line: string): string {
  const s = escapeChars(line.trim());
  return s.replace(/^([#>+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * Text placed in the middle of a Markdown line: whitespace and line breaks collapse to one space, inline
 * characters are escaped, and so is a leading "#" (harmless mid-line, but cheap insurance if a caller ever puts
 * the text at the start of a line).
 */
export function escapeMarkdownInline(text: string): string {
  return escapeChars(text.replace(/\s+/g, ' ').trim()).replace(/^#/, '\\#');
}

/** Multi-line text: each line escaped as a block start; continuation lines get `indent`. */
function escapeMultiline(text: string, indent: string): string {
  const lines = text.trim().split(LINE_BREAK).map(escapeLine);
  return lines.map((l, i) => (i === 0 || l === '' ? l : indent + l)).join('\n');
}

function escapeHeading(text: string): string {
  // Every "#" escaped: a trailing " #" would otherwise be read as the heading's closing sequence.
  return escapeMarkdownInline(text).replace(/\\?#/g, '\\#');
}

/** A link for http(s) URLs only, with every character that could end or break the destination percent-encoded. */
function markdownLink(label: string, url: string): string {
  const u = url.trim();
  if (!/^https?:\/\/[^\s]/i.test(u)) return `${label}: ${escapeMarkdownInline(u)}`;
  let safe = '';
  for (const ch of u) {
    if (/[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]/.test(ch)) safe += ch;
    else {
      try {
        // encodeURIComponent leaves "(" and ")" alone; they would end or unbalance the link destination.
        safe += encodeURIComponent(ch).replace(
          /[()]/g,
          (p) => `%${p.charCodeAt(0).toString(16).toUpperCase()}`,
        );
      } catch {
        // A lone surrogate cannot be encoded; drop it.
      }
    }
  }
  return `[${label}](${safe})`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "2 sources: 1 asserts, 1 reports", or "1 source, 2 quotes: 2 asserts" when an article gives several quotes. */
export function stanceTally(evidence: readonly Evidence[]): string {
  const counts: StanceCounts = emptyStanceCounts();
  const sources = new Set<string>();
  for (const e of evidence) {
    if (Object.prototype.hasOwnProperty.call(counts, e.annotation.stance)) counts[e.annotation.stance]++;
    sources.add(e.annotation.articleId);
  }
  const head =
    sources.size === evidence.length
      ? plural(sources.size, 'source', 'sources')
      : `${plural(sources.size, 'source', 'sources')}, ${plural(evidence.length, 'quote', 'quotes')}`;
  const parts = STANCES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  return parts.length ? `${head}: ${parts.join(', ')}` : head;
}

function formatExportedAt(iso: string): string {
  const when = formatPublished(iso);
  const zone = /(Z|[+-]\d{2}:?\d{2})$/i.exec(iso.trim())?.[1];
  if (!zone || !/T\d/.test(iso)) return when;
  return /^(z|[+-]00:?00)$/i.test(zone) ? `${when} UTC` : `${when} (UTC${zone})`;
}

function evidenceBlock(e: Evidence): string[] {
  const { annotation: a, article } = e;
  const quoteLines = `«${a.quote.exact}»`.split(LINE_BREAK).map(escapeLine);
  const out = quoteLines.map((l) => (l === '' ? '>' : `> ${l}`));
  out.push('');

  const outletName = article.outlet.name.trim()
    ? `**${escapeMarkdownInline(article.outlet.name)}**`
    : '**Unknown outlet**';
  const domain = article.outlet.domain ? ` (${escapeMarkdownInline(article.outlet.domain)})` : '';
  const date = formatPublished(article.published) || 'undated';
  const byline = [
    `— ${outletName}${domain}, ${escapeMarkdownInline(date)}`,
    `stance: **${escapeMarkdownInline(a.stance)}**`,
  ];
  if (a.speaker.trim()) byline.push(`speaker: ${escapeMarkdownInline(a.speaker)}`);
  out.push(byline.join(' · '), '');

  const title = article.title.trim() ? `*${escapeMarkdownInline(article.title)}*` : '*(untitled)*';
  const lang = article.language ? ` (${escapeMarkdownInline(article.language)})` : '';
  const link = article.url ? ` · ${markdownLink('link', article.url)}` : ' · no URL';
  out.push(`- Article: ${title}${lang}${link}`);
  if (a.note.trim()) out.push(`- Note: ${escapeMultiline(a.note, '  ')}`);
  const tags = a.tags.map((t) => t.trim()).filter(Boolean);
  if (tags.length) out.push(`- Tags: ${tags.map(escapeMarkdownInline).join('; ')}`);
  out.push('');
  return out;
}

export function toMarkdown(snapshot: LibrarySnapshot): string {
  const { claims } = orderSnapshot(snapshot);
  const withEvidence = claims.filter((c) => c.evidence.length > 0);
  const without = claims.filter((c) => c.evidence.length === 0);

  const out: string[] = [`# ${MARKDOWN_TITLE}`, ''];
  const counts = [
    plural(snapshot.claims.length, 'claim', 'claims') +
      (without.length ? ` (${without.length} without evidence)` : ''),
    plural(snapshot.articles.length, 'article', 'articles'),
    plural(snapshot.annotations.length, 'quote', 'quotes'),
  ];
  out.push(
    `Exported ${escapeMarkdownInline(formatExportedAt(snapshot.exportedAt))} · ${counts.join(' · ')}`,
    '',
  );

  for (const { claim, evidence } of withEvidence) {
    out.push(`## ${claim.text.trim() ? escapeHeading(claim.text) : '(untitled claim)'}`, '');
    const about: string[] = [];
    if (claim.speaker.trim()) about.push(`Speaker: ${escapeMarkdownInline(claim.speaker)}`);
    if (claim.note.trim()) about.push(`Note: ${escapeMultiline(claim.note, '')}`);
    if (about.length) out.push(about.join(' · '), '');
    out.push(`**${stanceTally(evidence)}**`, '');
    for (const e of evidence) out.push(...evidenceBlock(e));
  }

  if (without.length) {
    out.push('## Claims without evidence', '');
    for (const { claim } of without) {
      let item = `- ${claim.text.trim() ? escapeMarkdownInline(claim.text) : '(untitled claim)'}`;
      if (claim.speaker.trim()) item += ` — speaker: ${escapeMarkdownInline(claim.speaker)}`;
      if (claim.note.trim()) item += ` · note: ${escapeMultiline(claim.note, '  ')}`;
      out.push(item);
    }
    out.push('');
  }

  while (out.length && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}
