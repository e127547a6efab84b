// Which ftfy cases are within the scope of repairMojibake, decided from the ground truth alone (never from
// what the repair does): a case is in scope when its mojibake can be rebuilt from the fixed text by replacing
// characters with what they become when their UTF-8 (or CESU-8) bytes are read as one of the supported code
// pages, up to three times over, or when windows-1252 bytes are read as Latin-1 (C1 controls). Everything
// else is out of scope: lossy cases (a byte replaced by "?" or "�", a no-break space turned into a space),
// other code pages (cp437, ...), HTML entities.
import iconv from 'iconv-lite';

/** The code pages repairMojibake reverses; "latin1" is windows-1252's Latin-1 reading (C1 controls). */
export const SCOPE_CODE_PAGES = [
  'windows-1252',
  'latin1',
  'windows-1250',
  'iso-8859-2',
  'windows-1251',
  'windows-1257',
  'macroman',
];

const tables = new Map<string, string[]>();
/** Bytes → text the way a sloppy decoder does it: bytes the code page leaves undefined become C1 controls. */
function sloppyDecode(bytes: Buffer, page: string): string {
  let table = tables.get(page);
  if (!table) {
    table = Array.from({ length: 256 }, (_, b) => {
      const ch = iconv.decode(Buffer.from([b]), page);
      return ch === '\ufffd' ? String.fromCharCode(b) : ch;
    });
    tables.set(page, table);
  }
  return Array.from(bytes, (b) => table[b]!).join('');
}

function cesu8(ch: string): Buffer | null {
  if (ch.length !== 2) return null;
  const units = [ch.charCodeAt(0), ch.charCodeAt(1)];
  return Buffer.from(units.flatMap((u) => [0xe0 | (u >> 12), 0x80 | ((u >> 6) & 0x3f), 0x80 | (u & 0x3f)]));
}

/** Everything one character can turn into through one accident. */
function oneStep(ch: string): string[] {
  const out = new Set<string>();
  const utf8 = Buffer.from(ch, 'utf8');
  const forms = [utf8, cesu8(ch)].filter((b): b is Buffer => b !== null && b.some((x) => x > 0x7f));
  for (const bytes of forms) for (const page of SCOPE_CODE_PAGES) out.add(sloppyDecode(bytes, page));
  // windows-1252 text read as Latin-1: the character's one windows-1252 byte, shown as a C1 control.
  const b = iconv.encode(ch, 'windows-1252');
  if (b.length === 1 && b[0]! >= 0x80 && b[0]! <= 0x9f && iconv.decode(b, 'windows-1252') === ch)
    out.add(String.fromCharCode(b[0]!));
  return [...out];
}

const memo = new Map<string, string[]>();
/** What a character can look like after up to three accidents (itself included). */
function appearances(ch: string): string[] {
  let found = memo.get(ch);
  if (!found) {
    const all = new Set([ch]);
    let frontier = [ch];
    for (let depth = 0; depth < 3; depth++) {
      // Later layers act on each character of the previous result; keep the search to whole strings.
      frontier = frontier.flatMap((s) => (s.length > 12 ? [] : expandString(s))).filter((s) => !all.has(s));
      frontier.forEach((s) => all.add(s));
    }
    found = [...all].sort((a, b) => b.length - a.length);
    memo.set(ch, found);
  }
  return found;
}

/** One accident applied to every character of a string (one code page for the whole string). */
function expandString(s: string): string[] {
  const out = new Set<string>();
  const bytesOf = (page: 'utf8' | 'cesu') =>
    Array.from(s).map((c) =>
      page === 'utf8' ? Buffer.from(c, 'utf8') : (cesu8(c) ?? Buffer.from(c, 'utf8')),
    );
  for (const form of ['utf8', 'cesu'] as const) {
    const bytes = Buffer.concat(bytesOf(form));
    if (!bytes.some((x) => x > 0x7f)) continue;
    for (const page of SCOPE_CODE_PAGES) out.add(sloppyDecode(bytes, page));
  }
  if (s.length === 1) oneStep(s).forEach((x) => out.add(x));
  return [...out];
}

/** True when `original` is `fixed` with some characters replaced by their mojibake (see the header). */
export function inScope(original: string, fixed: string): boolean {
  const want = Array.from(fixed.normalize('NFC'));
  const text = original.normalize('NFC');
  const failed = new Set<string>();
  // Depth-first alignment; `changed` records whether any character was actually replaced.
  const walk = (i: number, j: number, changed: boolean): boolean => {
    if (i === want.length) return j === text.length && changed;
    const key = `${i}:${j}:${changed}`;
    if (failed.has(key)) return false;
    for (const form of appearances(want[i]!)) {
      if (text.startsWith(form, j) && walk(i + 1, j + form.length, changed || form !== want[i])) return true;
    }
    failed.add(key);
    return false;
  };
  return walk(0, 0, false);
}
