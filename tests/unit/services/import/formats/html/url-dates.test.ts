// The day in a page's address and the address in a saved page's "saved from" comment (url-dates.ts).
import { dateFromUrl, savedFromUrl } from '../../../../../../electron/services/import/formats/url-dates';

describe('dateFromUrl', () => {
  it('reads the day from the layouts publishers use', () => {
    // WordPress and most news sites (security.googleblog.com has /2020/05/ only: see below).
    expect(dateFromUrl('https://edition.cnn.com/2021/03/08/uk/meghan-harry-oprah-interview/index.html')).toBe(
      '2021-03-08',
    );
    expect(dateFromUrl('https://www.thelocal.se/20200428/meet-the-swede')).toBe('2020-04-28');
    expect(dateFromUrl('https://www.bsi.bund.de/DE/Presse2022/news_20220128_ki.html')).toBe('2022-01-28');
    expect(dateFromUrl('https://example.org/news/2020-12-24-christmas-eve')).toBe('2020-12-24');
    // Squarespace (befifty.de) writes one-digit months and days as whole path parts.
    expect(dateFromUrl('https://www.befifty.de/home/2017/7/12/unter-uns-montauk')).toBe('2017-07-12');
    expect(dateFromUrl('https://blog.campact.de/2023/10/3-fragen-an-tina-musil/')).toBeNull();
    expect(
      dateFromUrl('https://www.biathlon-antholz.it/de/newsroom/23-01-2022-dorothea-wierer/17-378.html'),
    ).toBe('2022-01-23');
  });

  it('makes no day of a month alone, an impossible date, a date in the host or a long number', () => {
    expect(dateFromUrl('https://security.googleblog.com/2020/05/enhanced-safe-browsing.html')).toBeNull();
    expect(dateFromUrl('https://example.org/2021/02/30/title')).toBeNull();
    expect(dateFromUrl('https://web20200316.example.org/story')).toBeNull();
    expect(dateFromUrl('https://football.ua/germany/20160815311510-podolski.html')).toBeNull();
    expect(dateFromUrl(null)).toBeNull();
  });

  it('refuses a day in the future', () => {
    expect(dateFromUrl('https://example.org/2099/01/01/title')).toBeNull();
  });
});

describe('savedFromUrl', () => {
  it('reads the address browsers write into a saved page, and nothing else', () => {
    expect(
      savedFromUrl('<!-- saved from url=(0043)https://www.example.org/2020/03/23/story/ -->\n<html>'),
    ).toBe('https://www.example.org/2020/03/23/story/');
    expect(savedFromUrl('<html><!-- a comment --></html>')).toBeNull();
  });
});
