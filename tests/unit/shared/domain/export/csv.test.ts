import { CSV_COLUMNS, csvCell, toCsv } from '../../../../../shared/domain/export/csv';
import {
  NOTE_WITH_PUNCTUATION,
  SPUTNIK_TITLE,
  FOGLIETTONE_TITLE,
  annMultiline,
  makeSnapshot,
} from './fixture';
import { parseCsv } from '../../../../helpers/csv';

/** Undo the formula guard, as a spreadsheet does when it shows the cell. */
const unguard = (s: string) => (/^''*[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

describe('toCsv', () => {
  const csv = toCsv(makeSnapshot());

  it('starts with a UTF-8 BOM and ends every record with CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  const rows = parseCsv(csv.slice(1));
  const [header, ...data] = rows;
  const records = data.map(
    (r) =>
      Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]!])) as Record<
        (typeof CSV_COLUMNS)[number],
        string
      >,
  );

  it('has a header and one row of every field per annotation, in claim then date order', () => {
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(data).toHaveLength(3);
    for (const r of data) expect(r).toHaveLength(CSV_COLUMNS.length);
    expect(records.map((r) => r.annotation_id)).toEqual(['ann-sputnik', 'ann-fogliettone', 'ann-multiline']);
  });

  it('writes the joined claim and article fields', () => {
    const [sp, fo] = records;
    expect(sp).toMatchObject({
      claim_id: 'claim-withdraw',
      claim_text: 'CSTO troops will withdraw from Kazakhstan',
      claim_speaker: 'CSTO',
      article_id: 'art-sputnik',
      outlet: 'Sputnik Italia',
      outlet_domain: 'it.sputniknews.com',
      published: '2022-01-07T14:26:00+01:00',
      language: 'it',
      stance: 'reports',
      speaker: 'CSTO',
      quote_exact: 'per un periodo di tempo limitato',
      tags: 'CSTO',
      note: 'Via Peskov',
      created_at: '2024-03-02T10:00:00.000Z',
      updated_at: '2024-03-02T11:30:00.000Z',
    });
    expect(fo).toMatchObject({
      outlet: 'ilfogliettone.it',
      published: '2022-01-10',
      stance: 'asserts',
      speaker: 'Putin',
      quote_exact: 'si ritirerà dal territorio del Kazakistan',
      tags: 'Putin; videoconference',
    });
    // A hostile Markdown title is plain text in CSV: kept as is.
    expect(fo!.article_title).toBe(FOGLIETTONE_TITLE);
  });

  it('round-trips newlines, commas, quotes and positions', () => {
    const m = records[2]!;
    expect(m.quote_exact).toBe('Le forze di pace\nlasceranno il paese');
    expect(m.quote_prefix).toBe(annMultiline.quote.prefix);
    expect(m.quote_suffix).toBe(annMultiline.quote.suffix);
    expect(m.note).toBe(NOTE_WITH_PUNCTUATION);
    expect(m.position_start).toBe(String(annMultiline.position.start));
    expect(m.position_end).toBe(String(annMultiline.position.end));
    expect(csv).toContain('"Says ""peacekeepers"", not troops"');
  });

  it('guards cells that a spreadsheet would read as formulas', () => {
    const sp = records[0]!;
    expect(sp.article_title).toBe(`'${SPUTNIK_TITLE}`);
    expect(unguard(sp.article_title)).toBe(SPUTNIK_TITLE);
    expect(records[2]!.tags).toBe("'=SUM(A1:A9); peacekeeping");
    for (const r of data) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('csvCell', () => {
  it('quotes and guards as RFC 4180 and OWASP say', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('')).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell('a\rb')).toBe('"a\rb"');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+39 06')).toBe("'+39 06");
    expect(csvCell('-5%')).toBe("'-5%");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
    expect(csvCell('=a,"b"')).toBe('"\'=a,""b"""');
    expect(csvCell('a=b')).toBe('a=b');
  });
});
