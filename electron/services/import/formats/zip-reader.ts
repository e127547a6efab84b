// Reads ZIP containers (.zip, and the .docx and .odt packages) without trusting them. The central directory
// is parsed here rather than by a library so that nothing is inflated before the declared sizes, entry count
// and encryption flags have been checked, and every entry is then inflated in small steps that stop as soon
// as the output passes the size its directory entry declared: a lying directory costs at most one step.
import { Inflate } from 'fflate';
import iconv from 'iconv-lite';
import { ImportRefusal } from '../refusal';

export interface ZipEntry {
  /** Path inside the archive as stored (decoded from UTF-8 or CP437). */
  name: string;
  /** 0 stored, 8 deflated; anything else is refused when read. */
  method: number;
  encrypted: boolean;
  crc32: number;
  compressedSize: number;
  /** Unpacked size as the central directory declares it. */
  size: number;
  localOffset: number;
  isDirectory: boolean;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const DAMAGED = 'damaged or truncated ZIP archive';

/** Input is fed to the inflater in steps of this size; one step can unpack to at most ~1,000 times more. */
const INFLATE_STEP = 16 * 1024;

/** "1.5 MB", "12.0 KB", "300 bytes". */
export function sizeLabel(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} bytes`;
}

export function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 3 || bytes[2] === 5) &&
    (bytes[3] === 4 || bytes[3] === 6)
  );
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** The zip64 extended-information extra field replaces the 32-bit fields that are saturated. */
function applyZip64(
  view: DataView,
  start: number,
  end: number,
  e: { size: number; compressedSize: number; localOffset: number },
): void {
  for (let p = start; p + 4 <= end;) {
    const id = view.getUint16(p, true);
    const len = view.getUint16(p + 2, true);
    if (id === 0x0001) {
      let q = p + 4;
      const next = () => {
        if (q + 8 > p + 4 + len || q + 8 > end) throw new ImportRefusal(DAMAGED);
        const v = Number(view.getBigUint64(q, true));
        q += 8;
        return v;
      };
      if (e.size === 0xffffffff) e.size = next();
      if (e.compressedSize === 0xffffffff) e.compressedSize = next();
      if (e.localOffset === 0xffffffff) e.localOffset = next();
      return;
    }
    p += 4 + len;
  }
}

/** The archive's table of contents. Throws ImportRefusal when it is missing, damaged or has too many entries. */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  const n = bytes.length;
  const view = new DataView(bytes.buffer, bytes.byteOffset, n);
  let eocd = -1;
  for (let i = n - 22; i >= 0 && i >= n - 22 - 0xffff; i--) {
    if (view.getUint32(i, true) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0)
    throw new ImportRefusal(looksLikeZip(bytes) ? `${DAMAGED} (no central directory)` : 'not a ZIP archive');
  let count = view.getUint16(eocd + 10, true);
  let dirOffset = view.getUint32(eocd + 16, true);
  if (eocd >= 20 && view.getUint32(eocd - 20, true) === SIG_EOCD64_LOCATOR) {
    const at = Number(view.getBigUint64(eocd - 12, true));
    if (at + 56 <= n && view.getUint32(at, true) === SIG_EOCD64) {
      count = Number(view.getBigUint64(at + 32, true));
      dirOffset = Number(view.getBigUint64(at + 48, true));
    }
  }
  if (count > maxEntries)
    throw new ImportRefusal(`too many entries in the archive (${count}; the limit is ${maxEntries})`);
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > n || view.getUint32(p, true) !== SIG_CENTRAL)
      throw new ImportRefusal(`${DAMAGED} (central directory entry ${i + 1} unreadable)`);
    const flags = view.getUint16(p + 8, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const nameEnd = p + 46 + nameLen;
    if (nameEnd + extraLen + commentLen > n)
      throw new ImportRefusal(`${DAMAGED} (central directory entry ${i + 1} unreadable)`);
    const raw = bytes.subarray(p + 46, nameEnd);
    const name = flags & 0x800 ? new TextDecoder().decode(raw) : iconv.decode(Buffer.from(raw), 'cp437');
    const method = view.getUint16(p + 10, true);
    const e: ZipEntry = {
      name,
      method,
      // Bit 0: traditional or strong encryption; method 99 is WinZip's AES.
      encrypted: (flags & 1) !== 0 || method === 99,
      crc32: view.getUint32(p + 16, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
      isDirectory: /[/\\]$/.test(name),
    };
    applyZip64(view, nameEnd, nameEnd + extraLen, e);
    entries.push(e);
    p = nameEnd + extraLen + commentLen;
  }
  return entries;
}

/**
 * The entry's bytes, checked against its declared size and CRC. Throws ImportRefusal naming what is wrong:
 * encryption, an unknown method, damage, or output beyond the declared size (a zip bomb's lie).
 */
export function readZipEntry(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  if (e.encrypted) throw new ImportRefusal('encrypted (password-protected) entry');
  if (e.method !== 0 && e.method !== 8) throw new ImportRefusal(`unsupported compression method ${e.method}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = e.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== SIG_LOCAL)
    throw new ImportRefusal('damaged entry (no local header)');
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + e.compressedSize;
  if (end > bytes.length) throw new ImportRefusal('damaged entry (truncated)');
  const packed = bytes.subarray(start, end);
  let out: Uint8Array;
  if (e.method === 0) {
    if (e.compressedSize !== e.size) throw new ImportRefusal('damaged entry (sizes disagree)');
    out = packed.slice();
  } else {
    const chunks: Uint8Array[] = [];
    let total = 0;
    const inflater = new Inflate((chunk) => {
      total += chunk.length;
      if (total > e.size)
        throw new ImportRefusal(`unpacks to more than its declared ${sizeLabel(e.size)} (zip bomb?)`);
      chunks.push(chunk);
    });
    try {
      for (let p = 0; p < packed.length || p === 0; p += INFLATE_STEP) {
        const last = p + INFLATE_STEP >= packed.length;
        inflater.push(packed.subarray(p, p + INFLATE_STEP), last);
        if (last) break;
      }
    } catch (err) {
      if (err instanceof ImportRefusal) throw err;
      throw new ImportRefusal(`damaged entry (${err instanceof Error ? err.message : String(err)})`);
    }
    if (total !== e.size)
      throw new ImportRefusal('damaged entry (unpacked size differs from the declared one)');
    out = new Uint8Array(total);
    let o = 0;
    for (const c of chunks) {
      out.set(c, o);
      o += c.length;
    }
  }
  if (crc32(out) !== e.crc32) throw new ImportRefusal('damaged entry (checksum mismatch)');
  return out;
}

/**
 * The named members of a package (.docx, .odt), read under a byte budget: every other entry stays packed.
 * Missing members are simply absent from the result.
 */
export function readZipMembers(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  maxBytes: number,
  maxEntries: number,
): Map<string, Uint8Array> {
  const entries = readZipDirectory(bytes, maxEntries).filter((e) => !e.isDirectory && wanted(e.name));
  const declared = entries.reduce((s, e) => s + e.size, 0);
  if (declared > maxBytes)
    throw new ImportRefusal(
      `unpacks to ${sizeLabel(declared)}, over the ${sizeLabel(maxBytes)} limit (zip bomb?)`,
    );
  const out = new Map<string, Uint8Array>();
  for (const e of entries) {
    try {
      out.set(e.name, readZipEntry(bytes, e));
    } catch (err) {
      if (err instanceof ImportRefusal) throw new ImportRefusal(`${e.name}: ${err.reason}`);
      throw err;
    }
  }
  return out;
}
