// Maps the charset names a detector reports (jschardet 4 follows Python's chardet: "Windows-1252",
// "iso8859-15", "MacCyrillic", "cp852", "SHIFT_JIS") or a corpus label gives ("mac_cyrillic", "uhc") to the
// name iconv-lite decodes with, or null when iconv-lite has no decoder for it (EBCDIC, ISO-2022, EUC-TW, Johab).
import iconv from 'iconv-lite';

/** Keys are lower case without separators. Supersets are chosen where the difference only adds characters. */
const FIXED: Record<string, string> = {
  ascii: 'utf-8',
  usascii: 'utf-8',
  utf8: 'utf-8',
  utf8sig: 'utf-8',
  utf16be: 'utf-16be',
  utf16le: 'utf-16le',
  utf32be: 'utf-32be',
  utf32le: 'utf-32le',
  latin1: 'iso-8859-1',
  koi8r: 'koi8-r',
  koi8u: 'koi8-u',
  koi8t: 'koi8-t',
  maccyrillic: 'maccyrillic',
  macroman: 'macroman',
  macintosh: 'macroman',
  macgreek: 'macgreek',
  maciceland: 'maciceland',
  macturkish: 'macturkish',
  maclatin2: 'maccenteuro',
  maccentraleurope: 'maccenteuro',
  ibm852: 'cp852',
  ibm855: 'cp855',
  ibm866: 'cp866',
  ibm437: 'cp437',
  ibm850: 'cp850',
  kz1048: 'rk1048',
  rk1048: 'rk1048',
  ptcp154: 'pt154',
  hproman8: 'hp-roman8',
  viscii: 'viscii',
  // Shift_JIS and EUC-KR files are read with Microsoft's supersets, which add the vendor characters
  // (NEC/IBM extensions, the extra Hangul of UHC) that real files contain.
  shiftjis: 'cp932',
  shiftjis2004: 'cp932',
  sjis: 'cp932',
  cp932: 'cp932',
  mskanji: 'cp932',
  windows31j: 'cp932',
  eucjp: 'euc-jp',
  eucjis2004: 'euc-jp',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  cp936: 'gb18030',
  gb18030: 'gb18030',
  euccn: 'gb18030',
  big5: 'big5hkscs',
  big5hkscs: 'big5hkscs',
  cp950: 'big5hkscs',
  euckr: 'cp949',
  cp949: 'cp949',
  uhc: 'cp949',
  ksc5601: 'cp949',
  tis620: 'tis-620',
  cp874: 'cp874',
  windows874: 'cp874',
};

/** iconv-lite's name for a detector's or corpus's charset name, or null when it cannot be decoded here. */
export function iconvName(detected: string): string | null {
  const k = detected.toLowerCase().replace(/[-_ ]/g, '');
  const windows = k.match(/^(?:windows|cp)(125[0-8])$/);
  const iso = k.match(/^iso8859(\d{1,2})$/);
  const dos = k.match(/^(?:cp|ibm)(\d{3,4})$/);
  const name =
    FIXED[k] ?? (windows ? `windows-${windows[1]}` : iso ? `iso-8859-${iso[1]}` : dos ? `cp${dos[1]}` : null);
  return name && iconv.encodingExists(name) ? name : null;
}
