// repairMojibake: hand-written cases that always run, then ftfy's test cases when the corpus is present.
// In scope (decided from the ground truth alone, mojibake-scope.ts): UTF-8 or CESU-8 read as windows-1252,
// Latin-1, windows-1250, ISO-8859-2, windows-1251, windows-1257 or MacRoman, up to three times over, and
// windows-1252 read as Latin-1. Out of scope: lossy mojibake (bytes already replaced by "?", "�" or a plain
// space, which cannot be undone with certainty), other code pages (cp437), HTML entities.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { decodeText } from '../../../../../electron/services/import/encoding/decode';
import { repairMojibake } from '../../../../../electron/services/import/encoding/mojibake';
import { CORPORA_DIR, ENCODING_DIR, corporaPresent } from './corpus-files';
import { inScope } from './mojibake-scope';

/** UTF-8 read as `as` the way real software does it: bytes the code page leaves undefined become C1 controls. */
const misread = (text: string, as: string) =>
  Array.from(Buffer.from(text, 'utf8'), (b) =>
    iconv.decode(Buffer.from([b]), as).replace('\ufffd', String.fromCharCode(b)),
  ).join('');
const repair = (text: string) => repairMojibake(text).text;

describe('repairMojibake, hand-written cases', () => {
  it.each([
    ['Ã¨ stato chiaro', 'è stato chiaro'],
    ['Iggy Pop (nÃƒÂ© Jim Osterberg)', 'Iggy Pop (né Jim Osterberg)'],
    ['ok \u00e2\u0080\u009csenza modifiche\u0094 all’Italicum', 'ok “senza modifiche” all’Italicum'],
    ['LiĂ¨ge Avenue de l’HĂ´pital', 'Liège Avenue de l’Hôpital'],
    ['\u0084Handwerk bringt dich überall hin\u0093', '„Handwerk bringt dich überall hin“'],
    ['Hi guys \u00ed\u00a0\u00bd\u00ed\u00b8\u008d', 'Hi guys 😍'],
  ])('repairs %j', (broken, fixed) => {
    expect(repairMojibake(broken)).toEqual({ text: fixed, repaired: true });
  });

  it.each([
    ['windows-1252', 'la città è calma, perché il presidente l’ha detto'],
    ['latin1', 'It’s the “best” news — really…'],
    ['windows-1251', 'Президент России заявил, что войска покинут страну'],
    ['windows-1250', 'Příliš žluťoučký kůň úpěl ďábelské ódy'],
    ['windows-1252', 'Ελληνικά και עברית'],
    ['windows-1252', '日本語の文字コード検出テストです'],
  ])('repairs UTF-8 read as %s: %j', (page, text) => {
    expect(repairMojibake(misread(text, page))).toEqual({ text, repaired: true });
  });

  it.each([
    'Con il corpo e lo spirito ammaccato,\u00a0è come se nel cuore avessi un vetro conficcato.',
    'NICIODATĂ™',
    'Offering 5×£35 pin ups',
    'L’épisode 8 est trop fou',
    'I’m not such a fan of Charlotte Brontë…”',
    'C O N C L U S Ã O',
    'ВІКІ — це українська вікі. ВІЙНА, ВІДНОСИНИ, їжа, її.',
    'Москва — столица России; «её» знают все.',
    '日本語の文字コード検出テストです。',
    'Příliš žluťoučký kůň úpěl ďábelské ódy',
  ])('leaves %j alone', (text) => {
    expect(repairMojibake(text)).toEqual({ text, repaired: false });
  });

  // Sentences of real words in several languages: never touched as they are, restored when their UTF-8 was
  // read as windows-1252 (every such sentence has at least two accented words, enough evidence).
  const words = [
    'città',
    'perché',
    'già',
    'über',
    'Straße',
    'Größe',
    'élève',
    'déjà',
    'façade',
    'niño',
    'señal',
    'ação',
    'não',
    'Ångström',
    'smørrebrød',
  ];
  const plain = ['the', 'news', 'report', 'said', 'and', 'today', 'Putin', 'Roma', 'Kazakhstan'];
  const sentence = fc
    .tuple(
      fc.array(fc.constantFrom(...words), { minLength: 2, maxLength: 5 }),
      fc.array(fc.constantFrom(...plain), { maxLength: 6 }),
    )
    .chain(([a, b]) => fc.shuffledSubarray([...a, ...b], { minLength: a.length + b.length }))
    .map((w) => w.join(' '));

  it('never changes clean sentences and restores their windows-1252 mojibake (property)', () => {
    fc.assert(
      fc.property(sentence, (s) => {
        expect(repair(s)).toBe(s);
        expect(repair(misread(s, 'windows-1252'))).toBe(s);
        expect(repair(misread(misread(s, 'windows-1252'), 'windows-1252'))).toBe(s);
      }),
      { numRuns: Number(process.env.RUNS ?? 200) },
    );
  }, 60_000);

  // The same for Central European and Cyrillic text read as windows-1250 and windows-1251, which need more
  // evidence (two repaired characters or more) because their letters pair up plausibly by themselves.
  const central = [
    'Příliš',
    'žluťoučký',
    'kůň',
    'úpěl',
    'ďábelské',
    'ódy',
    'zażółć',
    'gęślą',
    'jaźń',
    'Łódź',
    'często',
  ];
  const cyrillic = [
    'Президент',
    'России',
    'заявил',
    'войска',
    'её',
    'страну',
    'Київ',
    'їжа',
    'ВІЙНА',
    'щодо',
    'ёлка',
  ];
  const phrase = (vocabulary: string[]) =>
    fc
      .tuple(
        fc.array(fc.constantFrom(...vocabulary), { minLength: 2, maxLength: 6 }),
        fc.array(fc.constantFrom(...plain), { maxLength: 4 }),
      )
      .map(([a, b]) => [...a, ...b].join(' '));

  it.each([
    ['windows-1250', central],
    ['windows-1251', cyrillic],
  ])(
    'never changes clean text and restores its mojibake as %s (property)',
    (page, vocabulary) => {
      fc.assert(
        fc.property(phrase(vocabulary as string[]), (s) => {
          expect(repair(s)).toBe(s);
          expect(repair(misread(s, page as string))).toBe(s);
        }),
        { numRuns: Number(process.env.RUNS ?? 200) },
      );
    },
    60_000,
  );

  it('is wired into decodeText, before NFC and the control-character cleanup', () => {
    const bytes = new TextEncoder().encode(
      misread('Il presidente è stato chiaro: “la città è calma”.\n', 'windows-1252'),
    );
    const decoded = decodeText(bytes);
    expect(decoded).toMatchObject({
      text: 'Il presidente è stato chiaro: “la città è calma”.\n',
      encoding: 'utf-8',
      repaired: true,
    });
    // windows-1252 quotes read as Latin-1 become the quotes, not deleted controls.
    expect(decodeText(new TextEncoder().encode('Disse \u0093basta\u0094.')).text).toBe('Disse “basta”.');
  });
});

interface FtfyCase {
  label: string;
  original: string;
  fixed: string;
  'fixed-encoding'?: string;
}

const load = (file: string) =>
  JSON.parse(readFileSync(join(ENCODING_DIR, 'ftfy-mojibake', file), 'utf8')) as FtfyCase[];
/** What fix_encoding should give: ftfy's `fixed` also has fix_text's other steps applied (uncurled quotes). */
const expected = (c: FtfyCase) => (c['fixed-encoding'] ?? c.fixed).normalize('NFC');
const result = (c: FtfyCase) => repair(c.original).normalize('NFC');

if (!corporaPresent) console.log(`Mojibake corpus not found at ${CORPORA_DIR}: the ftfy cases are skipped.`);

describe.skipIf(!corporaPresent)('repairMojibake on ftfy’s test cases', () => {
  it('changes none of the negative cases (must-not-touch) beyond what ftfy expects', () => {
    const cases = load('negative.json');
    const wrong = cases.filter((c) => result(c) !== expected(c)).map((c) => c.label);
    const untouched = cases.filter((c) => expected(c) === c.original.normalize('NFC')).length;
    console.log(
      `Negatives: ${cases.length - wrong.length}/${cases.length} as expected (${untouched} must stay untouched; the rest need only their C1 controls fixed).`,
    );
    expect(wrong).toEqual([]);
  });

  it('leaves every case alone whose expected text is the original, in every file', () => {
    const all = [
      'negative.json',
      'synthetic.json',
      'in-the-wild.json',
      'known-failures.json',
      'language-names.json',
    ].flatMap(load);
    const same = all.filter((c) => expected(c) === c.original.normalize('NFC'));
    expect(same.filter((c) => result(c) !== expected(c)).map((c) => c.label)).toEqual([]);
  });

  it('fixes the in-scope in-the-wild and synthetic cases at the measured rate', () => {
    const cases = [...load('in-the-wild.json'), ...load('synthetic.json')].filter(
      (c) => expected(c) !== c.original.normalize('NFC'),
    );
    const scoped = cases.filter((c) => inScope(c.original, expected(c)));
    const fixed = scoped.filter((c) => result(c) === expected(c));
    const misfixed = scoped.filter(
      (c) => result(c) !== expected(c) && result(c) !== c.original.normalize('NFC'),
    );
    const out = cases.filter((c) => !scoped.includes(c));
    const outFixed = out.filter((c) => result(c) === expected(c)).length;
    const outChanged = out.filter(
      (c) => result(c) !== expected(c) && result(c) !== c.original.normalize('NFC'),
    ).length;
    const names = load('language-names.json');
    const namesScoped = names.filter((c) => inScope(c.original, expected(c)));
    const known = load('known-failures.json');
    console.log(
      [
        `Mojibake, in scope: ${fixed.length}/${scoped.length} fixed (${((fixed.length / scoped.length) * 100).toFixed(1)} %), ${misfixed.length} changed but not to the expected text.`,
        ...scoped.filter((c) => !fixed.includes(c)).map((c) => `  not fixed: ${c.label}`),
        `Out of scope: ${out.length} (lossy, cp437, ...): ${outFixed} fixed anyway, ${outChanged} partly repaired, the rest untouched.`,
        `Language names (extra): ${namesScoped.filter((c) => result(c) === expected(c)).length}/${namesScoped.length} in-scope fixed, ${names.length - namesScoped.length} out of scope.`,
        `Known failures (expected not fixed): ${known.filter((c) => result(c) === expected(c)).length}/${known.length} fixed anyway.`,
      ].join('\n'),
    );
    expect(scoped.length).toBeGreaterThan(60);
    expect(fixed.length / scoped.length).toBeGreaterThanOrEqual(0.85);
  });
});
