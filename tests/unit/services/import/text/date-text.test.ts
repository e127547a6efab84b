// Dates in running text (date-text.ts): numeric forms read by the page's language, written-out forms by chrono.
import {
  findDateInText,
  findLabelledDate,
  hasDateLabel,
  isPlausibleDay,
} from '../../../../../electron/services/import/text/date-text';

const day = (text: string, lang: string | null) => findDateInText(text, lang)?.iso ?? null;

describe('findDateInText', () => {
  it('reads numeric dates day first, except month first in US English when only that fits', () => {
    expect(day('Stand: 19.10.2019 11:05 Uhr', 'de')).toBe('2019-10-19');
    expect(day('07.01.2022', 'en')).toBe('2022-01-07');
    expect(day('10/19/2019', 'en')).toBe('2019-10-19');
    // Either order fits: an English page's slashes are left alone.
    expect(day('05/06/2019', 'en')).toBeNull();
    expect(day('05/06/2019', 'fr')).toBe('2019-06-05');
    expect(day('last edited 2019-11-10 13:28:18', null)).toBe('2019-11-10');
  });

  it('reads written-out dates in the page language, and Chinese/Japanese dates', () => {
    expect(day('Publicado el 15 de abril de 2020', 'es')).toBe('2020-04-15');
    expect(day('Dienstag, 19. Oktober 2019', 'de')).toBe('2019-10-19');
    expect(day('mis en ligne le 3 mars 2020 à 10h', 'fr')).toBe('2020-03-03');
    expect(day('2019年10月19日 10:20', 'zh')).toBe('2019-10-19');
    expect(day('By Sarah Yang Updated May 06, 2019', 'en')).toBe('2019-05-06');
  });

  it('needs the year written: no day from "Nov 19", "3 days ago" or a year alone', () => {
    expect(day('Updated Nov 19, 6:55 AM', 'en')).toBeNull();
    expect(day('Posted 3 days ago', 'en')).toBeNull();
    expect(day('© 2019 The Outlet', 'en')).toBeNull();
  });

  it('tells an update from a publication by the label before the date', () => {
    expect(findDateInText('Aktualisiert am 06. Mär. 2023', 'de')?.kind).toBe('modified');
    expect(findDateInText('Veröffentlicht am 06.03.2023', 'de')?.kind).toBe('published');
  });
});

describe('findLabelledDate', () => {
  it('reads the date right after a label, and not a date further on', () => {
    expect(findLabelledDate('Datum: 03.11.2021', 'de')?.iso).toBe('2021-11-03');
    expect(findLabelledDate('Ausgabejahr 2022 Datum 25.01.2022', 'de')?.iso).toBe('2022-01-25');
    expect(findLabelledDate('Posted the September 1, 2017 at 0h00', 'en')?.iso).toBe('2017-09-01');
    expect(findLabelledDate('Zuletzt geändert am: 15.10.2021', 'de')?.kind).toBe('modified');
    expect(findLabelledDate('Date of the next meeting, as agreed in 2019: 12.03.2020', 'en')).toBeNull();
  });
});

describe('isPlausibleDay', () => {
  it('takes real days between 1995 and tomorrow', () => {
    const now = Date.parse('2020-06-01T12:00:00Z');
    expect(isPlausibleDay('2020-06-02', now)).toBe(true);
    expect(isPlausibleDay('2020-06-03', now)).toBe(false);
    expect(isPlausibleDay('1994-12-31', now)).toBe(false);
    expect(isPlausibleDay('2019-02-29', now)).toBe(false);
  });
});

describe('hasDateLabel', () => {
  it('leaves findLabelledDate able to read the same text afterwards (no shared regex state)', () => {
    const text = 'Erstellt am: 01.11.2023';
    expect(hasDateLabel(text)).toBe(true);
    expect(findLabelledDate(text, 'de')?.iso).toBe('2023-11-01');
    expect(hasDateLabel('A sentence without any label')).toBe(false);
  });
});
