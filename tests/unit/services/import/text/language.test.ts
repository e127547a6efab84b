// detectLanguage: franc-min's verdict as a BCP 47 primary tag, null for short or undecidable text.
import { readFileSync } from 'node:fs';
import { detectLanguage, stopwordLanguage } from '../../../../../electron/services/import/text/language';
import { extractArticle } from '../../../../../electron/services/import/text/text-file-extractor';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../../fixtures/articles/${name}`, import.meta.url)));

describe('detectLanguage', () => {
  it.each([
    [
      'it',
      'Il presidente russo ha dichiarato che le forze inviate nel Paese lasceranno il territorio dopo la fine della missione, che secondo lui è stata un successo.',
    ],
    [
      'en',
      'The Russian president said that the forces sent to the country will leave its territory once the mission is over, which he described as a success.',
    ],
    [
      'ru',
      'Президент России заявил, что направленные в страну силы покинут её территорию после окончания миссии, которую он назвал успешной.',
    ],
    [
      'uk',
      'Президент Росії заявив, що направлені до країни сили залишать її територію після завершення місії, яку він назвав успішною.',
    ],
    [
      'de',
      'Der russische Präsident erklärte, die in das Land entsandten Truppen würden das Gebiet nach dem Ende der Mission verlassen, die er als Erfolg bezeichnete.',
    ],
    [
      'fr',
      'Le président russe a déclaré que les forces envoyées dans le pays quitteront son territoire à la fin de la mission, qu’il a qualifiée de succès.',
    ],
    [
      'es',
      'El presidente ruso declaró que las fuerzas enviadas al país abandonarán su territorio una vez terminada la misión, que calificó de éxito.',
    ],
    [
      'pt',
      'O presidente russo declarou que as forças enviadas ao país deixarão o seu território quando a missão terminar, que ele considerou um sucesso.',
    ],
    [
      'nl',
      'De Russische president verklaarde dat de naar het land gestuurde troepen het grondgebied zullen verlaten zodra de missie voorbij is.',
    ],
    [
      'pl',
      'Prezydent Rosji oświadczył, że siły wysłane do tego kraju opuszczą jego terytorium po zakończeniu misji, którą nazwał sukcesem.',
    ],
  ])('recognises %s', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('answers null for text under about 80 characters: a headline fits several languages', () => {
    expect(
      detectLanguage('Putin risponde agli Stati Uniti: da Kazakistan andremo via a tempo debito'),
    ).toBeNull();
    expect(detectLanguage('Hello world')).toBeNull();
    expect(detectLanguage('日本語の文字コード検出テストです。')).toBeNull();
    expect(detectLanguage('')).toBeNull();
  });

  it('answers null when franc cannot tell ("und"): digits, or a script it has no model for', () => {
    expect(
      detectLanguage(
        '2022-01-10 14:26 — 1405, 1461, 1422; 3.14 × 2.71 = 8.51; 100 / 7 = 14.28; 12 345 678 910',
      ),
    ).toBeNull();
    expect(
      detectLanguage(
        'השפה העברית היא שפה שמית, ממשפחת השפות האפרו-אסיאתיות, הידועה כשפתם של היהודים ושל השומרונים.',
      ),
    ).toBeNull();
  });

  it('answers null for a language franc-min does not know when its accents say so (it would name a neighbour)', () => {
    expect(
      detectLanguage(
        'Dansk er et nordgermansk sprog, der tales af ca. seks millioner mennesker, først og fremmest i Danmark. Sproget står nær svensk og norsk.',
      ),
    ).toBeNull();
    expect(
      detectLanguage(
        'Suomi on uralilaisten kielten itämerensuomalaiseen ryhmään kuuluva kieli, jota puhuu äidinkielenään noin viisi miljoonaa ihmistä.',
      ),
    ).toBeNull();
    expect(
      detectLanguage(
        'El català és una llengua romànica parlada a Catalunya, el País Valencià, les Illes Balears i Andorra, on és l’única llengua oficial.',
      ),
    ).toBeNull();
  });

  it('reads non-Latin scripts', () => {
    expect(
      detectLanguage(
        '日本語は、主に日本国内や日本人同士の間で使用されている言語である。日本は法令によって公用語を規定していない。',
      ),
    ).toBe('ja');
    expect(
      detectLanguage(
        'Η ελληνική γλώσσα ανήκει στην ινδοευρωπαϊκή οικογένεια και είναι η επίσημη γλώσσα της Ελλάδας και της Κύπρου.',
      ),
    ).toBe('el');
  });

  it('reads both sample articles as Italian, whole and by their first paragraph', () => {
    for (const name of ['000_9779fd24ea47166c.txt', '004_c43401fc495b10b3.txt']) {
      const article = extractArticle(name, fixture(name));
      expect(article.language).toBe('it');
      expect(detectLanguage([article.title, ...article.paragraphs].join('\n'))).toBe('it');
      expect(detectLanguage(article.paragraphs[0]!)).toBe('it');
    }
  });
});

describe('stopwordLanguage (the tie-breaker)', () => {
  it('needs several function words of one language, clearly ahead', () => {
    expect(
      stopwordLanguage(
        'Il presidente ha detto che le truppe lasceranno il paese dopo la fine della loro missione.',
      ),
    ).toBe('it');
    expect(stopwordLanguage('Hello world')).toBeNull();
    expect(stopwordLanguage('Dit is een Nederlandse tekst over de president en het land.')).toBeNull();
  });
});
