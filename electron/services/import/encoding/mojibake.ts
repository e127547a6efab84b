// Repairs text that was mis-decoded before it reached us: UTF-8 bytes read as windows-1252 or Latin-1 ("Ã¨"
// for "è", "â€™" for "’"), sometimes twice or three times over, or as another single-byte code page
// (windows-1250 "Ă©", windows-1251 "Рґ", windows-1257, ISO-8859-2, MacRoman "√©"), and windows-1252 text
// read as Latin-1 (C1 controls where curly quotes belong); also CESU-8, Java's UTF-8 variant that writes
// emoji as two three-byte halves ("í\u00a0½í¸\u008d"). The repair is the reverse of the accident: turn
// the suspicious characters back into the code page's bytes and decode those as UTF-8, strictly. It is kept
// only where certain: the bytes must be valid UTF-8, and every repaired word must lose signs of mojibake and
// gain none (encoding-oddities.ts). Lossy mojibake (bytes replaced by "?" or "�" on the way) is left alone.
import iconv from 'iconv-lite';
import { clearlyBetter, oddities, STRONG_MARKER } from './mojibake-signs';
import { scriptOf } from './judge';

interface CodePage {
  name: string;
  /** windows-1252 (with Latin-1's C1 controls) is by far the commonest accident and needs less evidence. */
  primary: boolean;
  toByte: Map<string, number>;
  /** The characters that stand for UTF-8 lead bytes (0xC2–0xF4): no repair is possible without one. */
  leads: string[];
  /** Lead bytes of the scripts most often mangled: Latin-1 (C2, C3), Greek, Cyrillic, Hebrew, Arabic. */
  markerLeads: Set<string>;
  /** One UTF-8 character's worth of this code page's characters: lead byte then continuation bytes. */
  sequence: RegExp;
}

const MARKER_LEAD_BYTES = [0xc2, 0xc3, 0xce, 0xcf, 0xd0, 0xd1, 0xd7, 0xd8, 0xd9];

function codePage(name: string, primary: boolean): CodePage {
  const toByte = new Map<string, number>();
  const chars: string[] = [];
  for (let b = 0x80; b <= 0xff; b++) {
    let ch = iconv.decode(Buffer.from([b]), name);
    // Bytes a code page leaves undefined come through as the C1 control (or Latin-1 letter) of the same
    // number: that is what sloppy decoders, and Latin-1 itself, produce.
    if (ch === '\ufffd' || ch.length !== 1) ch = String.fromCharCode(b);
    chars[b] = ch;
    toByte.set(ch, b);
  }
  // Latin-1 differs from windows-1252 only at 0x80–0x9F, where it has C1 controls; accept both readings.
  if (primary) for (let b = 0x80; b <= 0x9f; b++) toByte.set(String.fromCharCode(b), b);
  const cls = (from: number, to: number, extra = '') =>
    `[${chars
      .slice(from, to + 1)
      .map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .join('')}${extra}]`;
  const c1 = primary ? '\\u0080-\\u009f' : '';
  const cont = cls(0x80, 0xbf, c1);
  // CESU-8 first: a high surrogate (ED A0–AF ..) followed by a low one (ED B0–BF ..).
  const cesu = `${cls(0xed, 0xed)}${cls(0xa0, 0xaf)}${cont}${cls(0xed, 0xed)}${cls(0xb0, 0xbf)}${cont}`;
  const sequence = new RegExp(
    `${cesu}|${cls(0xc2, 0xdf)}${cont}|${cls(0xe0, 0xef)}${cont}{2}|${cls(0xf0, 0xf4)}${cont}{3}`,
    'gu',
  );
  const markerLeads = new Set(MARKER_LEAD_BYTES.map((b) => chars[b]!));
  return { name, primary, toByte, leads: chars.slice(0xc2, 0xf5), markerLeads, sequence };
}

let pages: CodePage[] | null = null;
/** Any character that can begin a repairable sequence in one of the code pages, or a C1 control. */
let suspect: RegExp | null = null;

/** Built on first use: iconv-lite's tables load lazily, and most texts never get this far. */
function codePages(): CodePage[] {
  if (!pages) {
    pages = [
      codePage('windows-1252', true),
      ...['windows-1250', 'iso-8859-2', 'windows-1251', 'windows-1257', 'macroman'].map((n) =>
        codePage(n, false),
      ),
    ];
    const leads = [...new Set(pages.flatMap((p) => p.leads))].filter((c) => c.charCodeAt(0) > 0x9f);
    suspect = new RegExp(
      `[\\u0080-\\u009f${leads.map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`,
      'u',
    );
  }
  return pages;
}

function isSuspect(text: string): boolean {
  codePages();
  return suspect!.test(text);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const SEPARATOR = /[\t\n\v\f\r \u2028\u2029]+/u;

/** The character a sequence stands for, or null when its bytes are not valid (CESU-)UTF-8. */
function decodeSequence(page: CodePage, seq: string): string | null {
  const bytes = Array.from(seq, (c) => page.toByte.get(c));
  if (bytes.some((b) => b === undefined)) return null;
  let ch: string;
  if (bytes.length === 6) {
    const unit = (i: number) =>
      ((bytes[i]! & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
    ch = String.fromCharCode(unit(0), unit(3));
  } else {
    try {
      ch = utf8.decode(Uint8Array.from(bytes as number[]));
    } catch {
      return null; // overlong forms, lone surrogates, code points past U+10FFFF
    }
  }
  // A line or paragraph separator would move word boundaries; nobody writes those by accident.
  return SEPARATOR.test(ch) ? null : ch;
}

/**
 * Sequences in a word that look like mojibake rather than like text: a lead from MARKER_LEAD_BYTES, or a
 * sequence of three or more bytes, with at least one continuation character that is not a letter ("Ã©",
 * "Ð¿", "×‘", "â€™", "ï¼Œ"). Pairs of letters ("Рґ", "Ві") are left to the other signs, as Cyrillic and
 * Latin-2 text is full of them. Under windows-1252, "Ã" and "Â" before any continuation count (STRONG_MARKER).
 */
function markerCount(word: string, page: CodePage): number {
  let n = 0;
  for (const m of word.matchAll(page.sequence)) {
    const seq = Array.from(m[0]);
    if ((!page.markerLeads.has(seq[0]!) && seq.length < 3) || decodeSequence(page, m[0]) === null) continue;
    if (seq[1] === '’' && /\p{L}/u.test(word[m.index + m[0].length] ?? '')) continue; // "Ã’s": an apostrophe
    if (seq.slice(1).some((c) => !/\p{L}/u.test(c)) || (page.primary && /^[ÂÃ]$/.test(seq[0]!))) n++;
  }
  return n;
}

interface Fix {
  text: string;
  /** Sequences repaired (longer ones double): the code page that explains the most is the one. */
  evidence: number;
  /** Total signs of mojibake removed, to break ties. */
  gain: number;
}

const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
/** Scripts a repair may produce. CJK only from windows-1252, where Chinese and Japanese mojibake is common
 *  ("æ—¥æœ¬"); under other code pages two Cyrillic letters and a "»" make a Chinese character just as well. */
const PLAIN_SCRIPTS = new Set(['latin', 'greek', 'cyrillic', 'hebrew', 'arabic']);
/** Scripts written without spaces, whose characters sit next to Latin words legitimately. */
const UNSPACED = new Set(['cjk', 'hangul', 'thai']);

/** Letters per script in a text. */
function scriptCounts(chars: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of chars) {
    const s = scriptOf(ch);
    if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return counts;
}

/** Repairs every word of `text` where reading `page`'s characters as UTF-8 bytes is clearly better. */
function repairWith(text: string, page: CodePage): Fix | null {
  // Most text has no sequence at all for most code pages: one scan settles it.
  if (!hasSequence(page, text)) return null;
  let evidence = 0; // repaired sequences; those of three or more bytes count double
  let visible = 0;
  let gain = 0;
  let outside = 0; // non-ASCII characters outside any valid sequence: the text was partly decoded right
  const produced: string[] = [];
  /** Words whose repair is neither better nor worse, by index: taken only if the whole text is mojibake. */
  const neutral = new Map<number, { fixed: string; made: string[]; weight: number }>();
  const words = text.split(/([\t\n\v\f\r \u2028\u2029]+)/u);
  words.forEach((word, index) => {
    if (SEPARATOR.test(word) || !isSuspect(word)) {
      outside += (word.match(/[^\p{ASCII}\u0080-\u009f]/gu) ?? []).length;
      return;
    }
    let covered = 0;
    let found = 0;
    let strong = 0;
    let spaces = 0;
    const made: string[] = [];
    const fixed = word.replace(page.sequence, (seq) => {
      const ch = decodeSequence(page, seq);
      if (ch === null) return seq;
      covered += (seq.match(/[^\p{ASCII}\u0080-\u009f]/gu) ?? []).length;
      found++;
      if (seq.length >= 3) strong++;
      if (/^\s$/u.test(ch)) spaces++;
      made.push(ch);
      return ch;
    });
    outside += (word.match(/[^\p{ASCII}\u0080-\u009f]/gu) ?? []).length - covered;
    if (found === 0) return;
    const before = oddities(word, markerCount(word, page));
    const after = oddities(fixed, markerCount(fixed, page));
    if (!clearlyBetter(before, after)) {
      if (after.every((n, i) => n <= before[i]!)) neutral.set(index, { fixed, made, weight: found + strong });
      return;
    }
    evidence += found + strong;
    visible += found - spaces;
    gain += sum(before) - sum(after);
    produced.push(...made);
    words[index] = fixed;
  });
  // When every non-ASCII character of the text belongs to a valid sequence and some words are clearly
  // mojibake, the text as a whole was mis-decoded: words without signs of their own ("≈Öena≈°eva", MacRoman
  // for "Ņenaševa"; "Ăłdy", windows-1250 for "ódy") are repaired too, as long as they get no worse, and they
  // count as evidence.
  if (outside === 0 && evidence > 0) {
    for (const [index, { fixed, made, weight }] of neutral) {
      words[index] = fixed;
      produced.push(...made);
      evidence += weight;
      visible += made.filter((c) => !/^\s$/u.test(c)).length;
    }
  }
  // One repaired pair is enough evidence only for the commonest accident in otherwise consistent text;
  // a single windows-1250 "Ă™" is more likely Romanian than mojibake, and "DrÃ¥ber – " already holds a
  // correctly decoded dash. A repair that only turns "Â\u00a0" into a no-break space proves nothing.
  if (evidence < (page.primary && outside === 0 ? 1 : 2) || visible === 0) return null;
  const fixedText = words.join('');
  // A repair that plants one lone letter of another script ("5×£35" → "5ף35") made no word of it, and
  // what it makes must be a real share of the result: "Brontë…”" would end in a Korean syllable, and
  // under other code pages than windows-1252 the stray letter could sit in someone's Russian.
  const made = scriptCounts(produced);
  const all = scriptCounts(fixedText);
  const letters = [...all.values()].reduce((a, b) => a + b, 0);
  for (const [script, n] of made) {
    if (script === 'latin') continue;
    if (n < 2 || (!page.primary && !PLAIN_SCRIPTS.has(script))) return null;
    if ((!page.primary || UNSPACED.has(script)) && (all.get(script) ?? 0) / letters < 0.1) return null;
  }
  return { text: fixedText, evidence, gain };
}

/** Whether the code page's sequence occurs anywhere (the regular expression is global: reset around the test). */
function hasSequence(page: CodePage, text: string): boolean {
  page.sequence.lastIndex = 0;
  const found = page.sequence.test(text);
  page.sequence.lastIndex = 0;
  return found;
}

/** windows-1252 text read as Latin-1 leaves C1 controls where its curly quotes, dashes and "…" belong. */
function repairC1(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => {
    const ch = iconv.decode(Buffer.from([c.charCodeAt(0)]), 'windows-1252');
    return ch === '\ufffd' ? c : ch;
  });
}

/**
 * Words whose repair left mojibake behind ("ã†’ãƒâ€ ã¢€™" from a hopelessly garbled line, "“bb+â€?" where a
 * byte was lost), or which have signs the original did not once all layers are peeled, go back to how they
 * were: a repair that does not explain the whole word is a guess.
 */
function revertUnexplained(original: string, repaired: string): string {
  const a = original.split(/([\t\n\v\f\r \u2028\u2029]+)/u);
  const b = repaired.split(/([\t\n\v\f\r \u2028\u2029]+)/u);
  if (a.length !== b.length) return repaired;
  const all = codePages();
  return b
    .map((w, i) => {
      const was = a[i]!;
      if (w === was) return w;
      // Residue counts even when cut short ("â€" before a lost byte), which no code page's sequence matches.
      const left = Math.max(...all.map((p) => markerCount(w, p))) + (w.match(STRONG_MARKER)?.length ?? 0);
      const before = oddities(was, Math.max(...all.map((p) => markerCount(was, p))));
      const after = oddities(w, 0);
      return left === 0 && after.every((n, k) => n <= before[k]!) ? w : was;
    })
    .join('');
}

/** Undoes mis-decoding where certain. `repaired` says whether anything changed. */
export function repairMojibake(text: string): { text: string; repaired: boolean } {
  if (!isSuspect(text)) return { text, repaired: false };
  // Fast path (same result): with no code page's sequence anywhere in the text, no word can be repaired
  // (each word's repair needs a sequence inside it), so only the C1 controls are left to fix. Accented
  // letters make most Italian, French or German text "suspect"; this skips the per-word work for them.
  if (!codePages().some((p) => hasSequence(p, text))) {
    const c1 = repairC1(text);
    return { text: c1, repaired: c1 !== text };
  }
  let current = text;
  // Mojibake can be layered (UTF-8 read as windows-1252, saved as UTF-8, read again): peel up to three.
  for (let layer = 0; layer < 3; layer++) {
    let best: Fix | null = null;
    for (const page of codePages()) {
      const fix = repairWith(current, page);
      // "Å¸" is windows-1257 for "ŏ", but windows-1252 explains "StraÃƒÅ¸e" with twice the sequences.
      if (
        fix &&
        (!best || fix.evidence > best.evidence || (fix.evidence === best.evidence && fix.gain > best.gain))
      )
        best = fix;
    }
    if (!best) break;
    current = best.text;
  }
  current = repairC1(revertUnexplained(text, current));
  return { text: current, repaired: current !== text };
}
