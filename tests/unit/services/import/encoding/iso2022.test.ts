// ISO-2022-JP and -KR, which iconv-lite cannot decode: round trips through a small encoder written here, and
// the two uchardet files (their ground truth cannot come from iconv-lite, so the corpus rate excludes them;
// here they must read as the Japanese and Korean they plainly are).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { decodeText } from '../../../../../electron/services/import/encoding/decode';
import { ENCODING_DIR, corporaPresent } from './corpus-files';

/** Text → ISO-2022 bytes: double-byte runs of the EUC encoding with the high bit cleared, between shifts. */
function encode(text: string, kind: 'jp' | 'kr'): Uint8Array {
  const out: number[] = kind === 'kr' ? [0x1b, 0x24, 0x29, 0x43] : [];
  let double = false;
  for (const ch of text) {
    const euc = iconv.encode(ch, kind === 'jp' ? 'euc-jp' : 'euc-kr');
    const wide = euc.length === 2;
    if (wide !== double) {
      if (kind === 'kr') out.push(wide ? 0x0e : 0x0f);
      else out.push(0x1b, ...(wide ? [0x24, 0x42] : [0x28, 0x42]));
      double = wide;
    }
    out.push(...(wide ? [euc[0]! & 0x7f, euc[1]! & 0x7f] : euc));
  }
  if (double) out.push(...(kind === 'kr' ? [0x0f] : [0x1b, 0x28, 0x42]));
  return Uint8Array.from(out);
}

describe('ISO-2022', () => {
  it('reads ISO-2022-JP (it would otherwise pass for ASCII with the escapes dropped)', () => {
    const text =
      'ウィキペディアはオープンコンテントの百科事典です。\n基本方針に賛同していただけるなら、誰でも記事を編集できます。\n';
    expect(decodeText(encode(text, 'jp'))).toMatchObject({ text, encoding: 'iso-2022-jp' });
  });

  it('reads ISO-2022-KR, whose shift controls would otherwise look like binary data', () => {
    const text = '화성 기후 탐사선 마스 클라이미트 오비터는 화성 궤도에 진입했으나, 폭발하고 말았습니다.\n';
    expect(decodeText(encode(text, 'kr'))).toMatchObject({ text, encoding: 'iso-2022-kr' });
  });

  it('leaves ASCII with a stray escape to UTF-8', () => {
    expect(decodeText(new TextEncoder().encode('Plain text \u001b$Z with an odd escape.\n'))).toMatchObject({
      encoding: 'utf-8',
    });
  });

  it.skipIf(!corporaPresent)('reads the uchardet ISO-2022 files', () => {
    const read = (f: string) => decodeText(new Uint8Array(readFileSync(join(ENCODING_DIR, 'uchardet', f))));
    expect(read('ja/iso-2022-jp.txt')).toMatchObject({ encoding: 'iso-2022-jp' });
    expect(read('ja/iso-2022-jp.txt').text).toContain('ISO/IEC 2022（旧称 ISO 2022）は、');
    expect(read('ko/iso-2022-kr.txt')).toMatchObject({ encoding: 'iso-2022-kr' });
    expect(read('ko/iso-2022-kr.txt').text).toContain(
      '문자 집합을 7비트 부호 또는 8비트 부호로 표현하기 위한 기술',
    );
  });
});
