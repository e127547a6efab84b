// Date parsing and the glued-sentence splitter, including the cases that must NOT be split.
import {
  compareIsoDates,
  parseDate,
  parseDateLine,
  parseIsoDate,
} from '../../../../../electron/services/import/text/dates';
import { splitGlued } from '../../../../../electron/services/import/text/split-glued-sentences';

describe('parseDate', () => {
  it.each([
    ['10 gennaio 2022', '2022-01-10'],
    ['lunedì 10 gennaio 2022', '2022-01-10'],
    ['1° marzo 2022', '2022-03-01'],
    ['10 gennaio 2022 - 14:26', '2022-01-10'],
    ['10 gennaio 2022 ore 14:26', '2022-01-10'],
    ['January 10, 2022', '2022-01-10'],
    ['Monday, January 10, 2022', '2022-01-10'],
    ['Jan. 10, 2022', '2022-01-10'],
    ['10 Jan 2022', '2022-01-10'],
    ['10th January 2022', '2022-01-10'],
    ['January 10, 2022 at 2:26 PM EST', '2022-01-10'],
    ['Mar 10, 2022', '2022-03-10'],
    ['3 mars 2022', '2022-03-03'],
    ['10. Januar 2022', '2022-01-10'],
    ['10 de enero de 2022', '2022-01-10'],
    ['07.01.2022', '2022-01-07'],
    ['31/12/2021', '2021-12-31'],
    ['1/13/2022', '2022-01-13'],
    ['2022-01-10', '2022-01-10'],
    ['2022-01-07T14:26+0100', '2022-01-07T14:26:00+01:00'],
    ['2022-01-07T14:26:33.123+01:00', '2022-01-07T14:26:33+01:00'],
    ['2022-01-07T14:26:33Z', '2022-01-07T14:26:33Z'],
    // A time without an offset is not guessed.
    ['2022-01-07T14:26', '2022-01-07'],
  ])('%s → %s', (input, iso) => {
    expect(parseDate(input)).toBe(iso);
  });

  it.each([
    '30 febbraio 2022',
    'gennaio 2022',
    '2022',
    'Putin 10 gennaio 2022',
    '10 smarch 2022',
    '2022-13-01',
    '2022-01-07T25:00+0100',
    '',
  ])('rejects %j', (input) => {
    expect(parseDate(input)).toBeNull();
  });

  it('tells labelled update lines from publication lines', () => {
    expect(parseDateLine('Pubblicato il 10 gennaio 2022')).toEqual({ iso: '2022-01-10', kind: 'published' });
    expect(parseDateLine('Aggiornato il 11 gennaio 2022 alle 10:30')).toEqual({
      iso: '2022-01-11',
      kind: 'modified',
    });
    expect(parseDateLine('Updated: Jan 10, 2022')).toEqual({ iso: '2022-01-10', kind: 'modified' });
    expect(parseDateLine('Il 10 gennaio 2022 Putin ha parlato')).toBeNull();
  });

  it('orders timestamps across offsets', () => {
    expect(
      compareIsoDates(parseIsoDate('2022-01-07T15:07+0100')!, parseIsoDate('2022-01-07T14:26+0100')!),
    ).toBeGreaterThan(0);
    expect(compareIsoDates('2022-01-07T14:00:00Z', '2022-01-07T14:30:00+01:00')).toBeGreaterThan(0);
  });
});

describe('splitGlued', () => {
  it('splits a sentence end glued to the next sentence', () => {
    expect(splitGlued('del Kazakistan Kassym-Jomart Tokayev.Il tema della discussione')).toEqual([
      'del Kazakistan Kassym-Jomart Tokayev.',
      'Il tema della discussione',
    ]);
    expect(splitGlued('Dmitry Peskov.Peskov ha sottolineato')).toEqual([
      'Dmitry Peskov.',
      'Peskov ha sottolineato',
    ]);
    expect(splitGlued('cittadini del Kazakistan".In conclusione, il portavoce')).toEqual([
      'cittadini del Kazakistan".',
      'In conclusione, il portavoce',
    ]);
    expect(splitGlued('Cosa?Niente. Aspetta...Poi vedremo')).toEqual([
      'Cosa?',
      'Niente. Aspetta...',
      'Poi vedremo',
    ]);
    expect(splitGlued('nel 2022.Il tema')).toEqual(['nel 2022.', 'Il tema']);
  });

  it('puts a glued quotation mark on the side it belongs to', () => {
    expect(splitGlued('ha detto “basta.”Il tema')).toEqual(['ha detto “basta.”', 'Il tema']);
    expect(splitGlued('ha detto "basta."Il tema')).toEqual(['ha detto "basta."', 'Il tema']);
    expect(splitGlued('ha detto basta."Il tema" è chiuso')).toEqual([
      'ha detto basta.',
      '"Il tema" è chiuso',
    ]);
  });

  it('splits a subheading glued to the paragraph after it', () => {
    expect(splitGlued('assegnati".La situazione in KazakistanLe proteste di massa in Kazakistan')).toEqual([
      'assegnati".',
      'La situazione in Kazakistan',
      'Le proteste di massa in Kazakistan',
    ]);
    expect(splitGlued('La situazione in KazakistanL’Onu ha detto')).toEqual([
      'La situazione in Kazakistan',
      'L’Onu ha detto',
    ]);
  });

  it.each([
    'Il 07.01.2022 a Mosca, alle 14.26, con il 3.5% dei voti.',
    'Scrivete a feedback.it@sputniknews.com oppure a Redazione.Esteri@Example.com per informazioni.',
    'Vedi https://example.com/A.Html e www.Example.Com/Pagina per i dettagli.',
    'Il McDonald di Mosca, il MacBook, McConnell e DeSantis.',
    'Ha usato un iPhone, YouTube, PayPal e JavaScript Il giorno dopo.',
    'Su LinkedIn ha scritto che la CSTO e la NATO.',
    'Gli U.S.A. e la U.S.A.Today, J.R.R.Tolkien e il Sig.Rossi con il Dr.Smith.',
    'Il framework ASP.NET e la CSTO.NATO ha deciso.',
    'Il presidente Kassym-Jomart Tokayev ha detto.',
  ])('leaves %j whole', (line) => {
    expect(splitGlued(line)).toEqual([line]);
  });

  it('trims pieces and never returns empty ones', () => {
    expect(splitGlued('  Fine.Inizio  ')).toEqual(['Fine.', 'Inizio']);
    expect(splitGlued('')).toEqual([]);
  });
});
