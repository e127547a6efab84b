// Recognises files that are not text before any decoding is tried, so the user is told what the file
// really is ("PNG image") rather than that it is "undecodable". Signatures are matched on the first bytes
// only; the NUL / control-character test catches the binaries without a known signature.

interface Signature {
  /** Byte values; null matches any byte. */
  bytes: Array<number | null>;
  offset?: number;
  name: string;
}

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

const SIGNATURES: Signature[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], name: 'PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'JPEG image' },
  { bytes: ascii('GIF87a'), name: 'GIF image' },
  { bytes: ascii('GIF89a'), name: 'GIF image' },
  { bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WEBP')], name: 'WebP image' },
  { bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WAVE')], name: 'WAV audio' },
  { bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('AVI ')], name: 'AVI video' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], name: 'TIFF image' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], name: 'TIFF image' },
  { bytes: [0x00, 0x00, 0x01, 0x00], name: 'icon image' },
  { bytes: ascii('ftyp'), offset: 4, name: 'MP4/QuickTime video' },
  { bytes: [...ascii('ID3'), null, 0x00], name: 'MP3 audio' },
  { bytes: [...ascii('OggS'), 0x00], name: 'Ogg media' },
  { bytes: ascii('fLaC'), name: 'FLAC audio' },
  { bytes: [0x1a, 0x45, 0xdf, 0xa3], name: 'Matroska/WebM video' },
  { bytes: ascii('%PDF-'), name: 'PDF document' },
  { bytes: ascii('{\\rtf'), name: 'RTF document' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], name: 'Microsoft Office document' },
  // ZIP also covers .docx, .xlsx, .odt and .epub, which are ZIP containers.
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'ZIP archive or Office document' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], name: 'ZIP archive' },
  { bytes: [0x1f, 0x8b], name: 'gzip archive' },
  { bytes: [...ascii('BZh'), null, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59], name: 'bzip2 archive' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], name: 'xz archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], name: '7-Zip archive' },
  { bytes: ascii('Rar!\x1a\x07'), name: 'RAR archive' },
  { bytes: ascii('ustar'), offset: 257, name: 'tar archive' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], name: 'ELF executable' },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], name: 'Mach-O executable' },
  { bytes: [0xce, 0xfa, 0xed, 0xfe], name: 'Mach-O executable' },
  { bytes: [0xca, 0xfe, 0xba, 0xbe], name: 'Mach-O or Java class file' },
  { bytes: [0x00, 0x61, 0x73, 0x6d], name: 'WebAssembly module' },
  { bytes: ascii('SQLite format 3\x00'), name: 'SQLite database' },
  { bytes: ascii('wOFF'), name: 'web font' },
  { bytes: ascii('wOF2'), name: 'web font' },
];

/** Sample size for the control-character test: enough to be representative, small enough to be instant. */
export const SNIFF_BYTES = 8 * 1024;

function matches(bytes: Uint8Array, sig: Signature): boolean {
  const off = sig.offset ?? 0;
  if (bytes.length < off + sig.bytes.length) return false;
  return sig.bytes.every((b, i) => b === null || bytes[off + i] === b);
}

/** Name of the file type when the bytes start with a known binary signature, else null. */
export function knownBinaryType(bytes: Uint8Array): string | null {
  for (const sig of SIGNATURES) if (matches(bytes, sig)) return sig.name;
  // "MZ" alone could begin a text file, so a Windows executable also needs the NULs of its DOS header.
  if (bytes[0] === 0x4d && bytes[1] === 0x5a && bytes.subarray(2, 64).includes(0))
    return 'Windows executable';
  // "BM" likewise: a BMP header carries NULs in its reserved fields.
  if (
    bytes[0] === 0x42 &&
    bytes[1] === 0x4d &&
    bytes[6] === 0 &&
    bytes[7] === 0 &&
    bytes[8] === 0 &&
    bytes[9] === 0
  )
    return 'BMP image';
  return null;
}

/**
 * True when the sample looks like binary data: any NUL, or more than 1% of C0 control characters other
 * than the whitespace ones, ESC (ISO-2022 escapes) and SUB (DOS end-of-file). Call only for files without a
 * UTF-16/32 byte-order mark, whose NULs are legitimate.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (
      (b < 0x20 &&
        b !== 0x09 &&
        b !== 0x0a &&
        b !== 0x0b &&
        b !== 0x0c &&
        b !== 0x0d &&
        b !== 0x1b &&
        b !== 0x1a) ||
      b === 0x7f
    )
      controls++;
  }
  return n > 0 && controls / n > 0.01;
}

/**
 * UTF-16 without a byte-order mark shows as ASCII interleaved with NULs. Returns the byte order when the
 * NULs sit almost only in one parity of positions, else null.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros / pairs > 0.3 && evenZeros / pairs < 0.02) return 'utf-16le';
  if (evenZeros / pairs > 0.3 && oddZeros / pairs < 0.02) return 'utf-16be';
  return null;
}
