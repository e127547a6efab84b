// Every file of the three encoding corpora (uchardet, jschardet, charset-normalizer) through decodeText,
// compared with the ground truth. "Right" means the decoded text is identical to what iconv-lite gives for the
// true charset, normalised the same way: that counts equivalent charsets as right honestly (ASCII read as
// UTF-8, ISO-8859-1 read as windows-1252 when no 0x80–0x9F byte occurs, GB2312 read as GB18030, Big5 as
// Big5-HKSCS) and nothing else, so files whose charsets cannot be told apart need no exclusion. Excluded, and
// listed, are only the files whose charset iconv-lite cannot decode at all (ISO-2022-JP/KR, checked in
// iso2022.test.ts instead, and EUC-TW). Mac Central European is decoded with iconv-lite's "maccenteuro".
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { decodeText, normalizeText } from '../../../../../electron/services/import/encoding/decode';
import { iconvName } from '../../../../../electron/services/import/encoding/charset-names';
import { repairMojibake } from '../../../../../electron/services/import/encoding/mojibake';
import { CORPORA_DIR, corporaPresent, corpusFiles } from './corpus-files';

/** The share of detectable files that must decode exactly right. */
const REQUIRED_RATE = 0.95;
/** Fewer distinct non-ASCII characters than this: repetitive, worth naming when such a file fails. */
const FEW_DISTINCT = 4;

if (!corporaPresent)
  console.log(`Encoding corpora not found at ${CORPORA_DIR}: the corpus tests are skipped.`);

interface Outcome {
  name: string;
  label: string;
  status: 'right' | 'wrong' | 'unsupported';
  got: string;
}

function evaluate(): Outcome[] {
  return corpusFiles().map((f) => {
    const charset = iconvName(f.label);
    if (!charset) return { name: f.name, label: f.label, status: 'unsupported', got: '' };
    const bytes = new Uint8Array(readFileSync(f.path));
    const truth = iconv.decode(Buffer.from(bytes), charset);
    let got: string;
    let decoded = '';
    try {
      const d = decodeText(bytes);
      got = `${d.encoding} (${d.confidence})`;
      decoded = d.text;
    } catch (err) {
      got = `refused: ${(err as Error).message}`;
    }
    const right = decoded === normalizeText(truth);
    const distinct = new Set(truth.match(/[^\p{ASCII}]/gu) ?? []).size;
    const note = distinct < FEW_DISTINCT ? `; only ${distinct} distinct non-ASCII characters` : '';
    return { name: f.name, label: f.label, status: right ? 'right' : 'wrong', got: `${got}${note}` };
  });
}

describe.skipIf(!corporaPresent)('encoding corpora (uchardet, jschardet, charset-normalizer)', () => {
  it(`decodes at least ${REQUIRED_RATE * 100} % of the detectable files exactly as their true charset does`, () => {
    const outcomes = evaluate();
    const detectable = outcomes.filter((o) => o.status === 'right' || o.status === 'wrong');
    const right = detectable.filter((o) => o.status === 'right').length;
    const rate = right / detectable.length;
    const lines = [
      `Encoding corpus: ${right}/${detectable.length} detectable files decoded right (${(rate * 100).toFixed(1)} %), of ${outcomes.length} files.`,
      ...outcomes
        .filter((o) => o.status === 'wrong')
        .map((o) => `  wrong: ${o.name} (${o.label}) -> ${o.got}`),
      ...outcomes
        .filter((o) => o.status === 'unsupported')
        .map((o) => `  excluded, no decoder for ${o.label}: ${o.name}`),
    ];
    console.log(lines.join('\n'));
    expect(detectable.length).toBeGreaterThan(140);
    expect(rate).toBeGreaterThanOrEqual(REQUIRED_RATE);
  });

  it('leaves the true text of every corpus file alone when repairing mojibake (150 real negatives)', () => {
    const touched = corpusFiles().filter((f) => {
      const charset = iconvName(f.label);
      return charset !== null && repairMojibake(iconv.decode(readFileSync(f.path), charset)).repaired;
    });
    expect(touched.map((f) => f.name)).toEqual([]);
  });
});
