// A small library snapshot for the export and claim-summary tests: two Italian articles on the CSTO
// deployment in Kazakhstan (January 2022), three claims (one without evidence) and three annotations,
// with hostile titles, a multi-line quote and a note holding a comma and a double quote.

import { articleText, countWords, describeRange } from '../../../../../shared/domain/article-text';
import type { Annotation, Article, Claim, LibrarySnapshot, Stance } from '../../../../../shared/domain/types';

export const SPUTNIK_TITLE = "=cmd|' /C calc'!A0 Kazakistan, giro di telefonate tra Putin e Tokayev";
export const FOGLIETTONE_TITLE =
  '# heading Putin risponde agli Stati Uniti: da Kazakistan andremo via a tempo debito [x](javascript:alert(1)) <img src=x onerror=alert(1)>';

function article(
  fields: Omit<
    Article,
    'wordCount' | 'size' | 'fileName' | 'sha256' | 'importedAt' | 'modified' | 'author'
  > & { author?: string | null },
): Article {
  const text = articleText(fields);
  return {
    id: fields.id,
    fileName: `${fields.id}.html`,
    sha256: fields.id.padEnd(64, '0').slice(0, 64),
    importedAt: '2024-03-01T09:00:00.000Z',
    title: fields.title,
    outlet: fields.outlet,
    url: fields.url,
    published: fields.published,
    modified: null,
    language: fields.language,
    author: fields.author ?? null,
    lead: fields.lead,
    wordCount: countWords(fields),
    size: new TextEncoder().encode(text).length,
    paragraphs: fields.paragraphs,
  };
}

export const sputnik = article({
  id: 'art-sputnik',
  title: SPUTNIK_TITLE,
  outlet: { name: 'Sputnik Italia', domain: 'it.sputniknews.com' },
  url: 'https://it.sputniknews.com/20220107/putin-ha-tenuto-dei-colloqui-telefonici-con-i-leader-dei-paesi-della-csto---peskov-14511926.html',
  published: '2022-01-07T14:26:00+01:00',
  language: 'it',
  lead: 'Il presidente russo è in contatto con gli altri capi di stato dei paesi della CSTO, ha reso noto il portavoce del Cremlino, Dmitry Peskov.',
  paragraphs: [
    'Secondo Peskov, le truppe della CSTO resteranno in Kazakistan per un periodo di tempo limitato.',
    'Le forze di pace\nlasceranno il paese a missione compiuta.',
  ],
});

export const fogliettone = article({
  id: 'art-fogliettone',
  title: FOGLIETTONE_TITLE,
  outlet: { name: 'ilfogliettone.it', domain: 'ilfogliettone.it' },
  url: 'https://www.ilfogliettone.it/putin-risponde-agli-stati-uniti-da-kazakistan-andremo-via-a-tempo-debito/',
  published: '2022-01-10',
  language: 'it',
  lead: '',
  paragraphs: [
    '“Una volta che il contingente avrà espletato le sue funzioni, si ritirerà dal territorio del Kazakistan” ha detto Putin durante un incontro in videoconferenza con i suoi alleati.',
  ],
});

export const withdraw: Claim = {
  id: 'claim-withdraw',
  text: 'CSTO troops will withdraw from Kazakhstan',
  speaker: 'CSTO',
  note: 'Timeline unclear',
  createdAt: '2024-03-01T09:10:00.000Z',
  updatedAt: '2024-03-01T09:10:00.000Z',
};

export const peacekeeping: Claim = {
  id: 'claim-peacekeeping',
  text: 'The CSTO deployment is a peacekeeping mission',
  speaker: 'Peskov',
  note: '',
  createdAt: '2024-03-01T09:11:00.000Z',
  updatedAt: '2024-03-01T09:11:00.000Z',
};

export const china: Claim = {
  id: 'claim-china',
  text: 'China offers Kazakhstan assistance against "colour revolutions"',
  speaker: '',
  note: 'To check, follow up',
  createdAt: '2024-03-01T09:12:00.000Z',
  updatedAt: '2024-03-01T09:12:00.000Z',
};

function annotate(
  id: string,
  a: Article,
  claim: Claim,
  exact: string,
  fields: { stance: Stance; speaker: string; tags?: string[]; note?: string },
): Annotation {
  const text = articleText(a);
  const at = text.indexOf(exact);
  if (at < 0) throw new Error(`fixture quote not found: ${exact}`);
  // The fixture texts have no astral characters, so code units equal code points here.
  const { quote, position } = describeRange(text, at, at + exact.length);
  return {
    id,
    articleId: a.id,
    claimId: claim.id,
    quote,
    position,
    stance: fields.stance,
    speaker: fields.speaker,
    tags: fields.tags ?? [],
    note: fields.note ?? '',
    createdAt: '2024-03-02T10:00:00.000Z',
    updatedAt: '2024-03-02T11:30:00.000Z',
  };
}

export const NOTE_WITH_PUNCTUATION = 'Says "peacekeepers", not troops';

// Listed in an order the exports must not keep: the newer article first.
export const annFogliettone = annotate(
  'ann-fogliettone',
  fogliettone,
  withdraw,
  'si ritirerà dal territorio del Kazakistan',
  {
    stance: 'asserts',
    speaker: 'Putin',
    tags: ['Putin', 'videoconference'],
    note: 'First-hand statement',
  },
);
export const annSputnik = annotate('ann-sputnik', sputnik, withdraw, 'per un periodo di tempo limitato', {
  stance: 'reports',
  speaker: 'CSTO',
  tags: ['CSTO'],
  note: 'Via Peskov',
});
export const annMultiline = annotate(
  'ann-multiline',
  sputnik,
  peacekeeping,
  'Le forze di pace\nlasceranno il paese',
  {
    stance: 'supports',
    speaker: 'Peskov',
    tags: ['=SUM(A1:A9)', 'peacekeeping'],
    note: NOTE_WITH_PUNCTUATION,
  },
);

export function makeSnapshot(): LibrarySnapshot {
  return {
    schemaVersion: 1,
    exportedAt: '2024-03-05T16:45:12.000Z',
    articles: [fogliettone, sputnik],
    claims: [china, peacekeeping, withdraw],
    annotations: [annFogliettone, annMultiline, annSputnik],
  };
}
