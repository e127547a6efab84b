// ISO-2022-JP (RFC 1468, Japanese mail and news) and ISO-2022-KR (RFC 1557): 7-bit encodings that switch
// character sets with escape sequences. Every byte is ASCII, so without this they pass as UTF-8 with the
// escapes stripped ("$B%&%#%-" for "ウィキ"). iconv-lite has no decoder for them; their double-byte sets are
// those of EUC-JP and EUC-KR with the high bit cleared, so the bytes are rewritten as EUC and decoded.
import iconv from 'iconv-lite';

const ESC = 0x1b;
const SO = 0x0e;
const SI = 0x0f;

/** Which of the two, when the bytes are 7-bit text (no NUL) holding an ISO-2022-JP or -KR designation. */
export function iso2022Kind(bytes: Uint8Array): 'iso-2022-jp' | 'iso-2022-kr' | null {
  let kind: 'iso-2022-jp' | 'iso-2022-kr' | null = null;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x80 || b === 0) return null;
    if (b !== ESC || bytes[i + 1] !== 0x24) continue;
    const c = bytes[i + 2];
    if (c === 0x42 || c === 0x40)
      kind ??= 'iso-2022-jp'; // ESC $ B, ESC $ @: JIS X 0208
    else if (c === 0x29 && bytes[i + 3] === 0x43) kind ??= 'iso-2022-kr'; // ESC $ ) C: KS X 1001
  }
  return kind;
}

/**
 * The text, or null when the byte stream breaks the encoding's rules (a double-byte half outside 0x21–0x7E,
 * an unknown escape), which means it is not ISO-2022 after all.
 */
export function decodeIso2022(bytes: Uint8Array, kind: 'iso-2022-jp' | 'iso-2022-kr'): string | null {
  const out: number[] = [];
  let double = false; // in a double-byte set
  let kana = false; // JIS X 0201 half-width katakana (ESC ( I)
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === ESC) {
      const seq = String.fromCharCode(...bytes.subarray(i + 1, i + 4));
      if (kind === 'iso-2022-kr' && seq.startsWith('$)C')) i += 3;
      else if (kind === 'iso-2022-jp' && (seq.startsWith('$B') || seq.startsWith('$@')))
        [double, kana, i] = [true, false, i + 2];
      else if (kind === 'iso-2022-jp' && (seq.startsWith('(B') || seq.startsWith('(J')))
        [double, kana, i] = [false, false, i + 2];
      else if (kind === 'iso-2022-jp' && seq.startsWith('(I')) [double, kana, i] = [false, true, i + 2];
      else return null;
      continue;
    }
    if (kind === 'iso-2022-kr' && (b === SO || b === SI)) {
      double = b === SO;
      continue;
    }
    // Line ends return to ASCII in practice, whatever the last escape said.
    if (b === 0x0a || b === 0x0d) [double, kana] = [false, false];
    if (double && b > 0x20 && b < 0x7f) {
      const t = bytes[i + 1];
      if (t === undefined || t <= 0x20 || t >= 0x7f) return null;
      out.push(b | 0x80, t | 0x80);
      i++;
    } else if (kana && b > 0x20 && b < 0x60) out.push(0x8e, b | 0x80);
    else out.push(b);
  }
  return iconv.decode(Buffer.from(out), kind === 'iso-2022-jp' ? 'euc-jp' : 'euc-kr');
}
