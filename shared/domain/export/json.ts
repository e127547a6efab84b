// JSON export: the whole library snapshot, 2-space indent, with keys in the order the types declare them
// (each object is rebuilt field by field, so the output does not depend on how the store built its objects).
// Only the declared fields are written. Arrays keep the snapshot's order.

import type { Annotation, Article, Claim, LibrarySnapshot } from '../types';

function article(a: Article): Article {
  return {
    id: a.id,
    fileName: a.fileName,
    sha256: a.sha256,
    importedAt: a.importedAt,
    title: a.title,
    outlet: { name: a.outlet.name, domain: a.outlet.domain },
    url: a.url,
    published: a.published,
    modified: a.modified,
    language: a.language,
    author: a.author,
    lead: a.lead,
    wordCount: a.wordCount,
    size: a.size,
    paragraphs: [...a.paragraphs],
  };
}

function claim(c: Claim): Claim {
  return {
    id: c.id,
    text: c.text,
    speaker: c.speaker,
    note: c.note,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

function annotation(a: Annotation): Annotation {
  return {
    id: a.id,
    articleId: a.articleId,
    claimId: a.claimId,
    quote: {
      type: 'TextQuoteSelector',
      exact: a.quote.exact,
      prefix: a.quote.prefix,
      suffix: a.quote.suffix,
    },
    position: { type: 'TextPositionSelector', start: a.position.start, end: a.position.end },
    stance: a.stance,
    speaker: a.speaker,
    tags: [...a.tags],
    note: a.note,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

export function toJson(snapshot: LibrarySnapshot): string {
  const ordered: LibrarySnapshot = {
    schemaVersion: snapshot.schemaVersion,
    exportedAt: snapshot.exportedAt,
    articles: snapshot.articles.map(article),
    claims: snapshot.claims.map(claim),
    annotations: snapshot.annotations.map(annotation),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
