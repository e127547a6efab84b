// The encoding corpora in ../shared/corpora/encoding (read in place, never copied into the repo), with
// each file's true charset as iconv-lite names it. Ground truth comes from the path (uchardet: <lang>/<charset>.<ext>;
// jschardet: the charset prefix of the file name, or the upstream test that uses the file) or from
// charset-normalizer's expected.csv (Python codec names).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPORA_DIR = fileURLToPath(new URL('../../../../../../shared/corpora', import.meta.url));
export const ENCODING_DIR = join(CORPORA_DIR, 'encoding');
export const corporaPresent = existsSync(ENCODING_DIR);

export interface CorpusFile {
  /** Path relative to the encoding corpus, for messages. */
  name: string;
  path: string;
  /** The label the corpus gives, e.g. "mac-centraleurope", "cp1256". */
  label: string;
}

/** jschardet fixtures whose name does not start with their charset; the charsets are from the upstream tests. */
const JSCHARDET_SPECIAL: Record<string, string> = {
  'charset_test_file.php.txt': 'windows-1252',
  'cjk_gating/macroman_de.txt': 'macroman',
  'koi8t/russian.html': 'koi8-r',
  'koi8t/tajik.txt': 'koi8-t',
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const isData = (p: string) => !/(^|\/)(LICENSE|COPYING|NOTICE|README)[^/]*$|\.csv$/.test(p);

export function corpusFiles(): CorpusFile[] {
  const out: CorpusFile[] = [];
  const uchardet = join(ENCODING_DIR, 'uchardet');
  for (const path of walk(uchardet).filter(isData)) {
    const rel = path.slice(uchardet.length + 1);
    // "fr/utf-16.be", "ko/utf-32.be": the extension carries the byte order.
    const [, file] = rel.split('/') as [string, string];
    const m = file.match(/^(utf-(?:16|32))\.(be|le)$/);
    out.push({ name: `uchardet/${rel}`, path, label: m ? `${m[1]}${m[2]}` : file.replace(/\.[a-z]+$/, '') });
  }
  const js = join(ENCODING_DIR, 'jschardet');
  for (const path of walk(js).filter(isData)) {
    const rel = path.slice(js.length + 1);
    const label =
      JSCHARDET_SPECIAL[rel] ??
      rel.match(/^(Shift_JIS|euc-kr|gb18030|gb2312|iso-8859-1|utf-8|windows-125\d)/)?.[1];
    if (!label) throw new Error(`no ground truth for jschardet/${rel}`);
    out.push({ name: `jschardet/${rel}`, path, label });
  }
  const cn = join(ENCODING_DIR, 'charset-normalizer');
  const csv = readFileSync(join(cn, 'expected.csv'), 'utf8').trim().split('\n').slice(1);
  for (const line of csv) {
    const [file, codec] = line.split(',') as [string, string];
    out.push({ name: `charset-normalizer/${file}`, path: join(cn, file), label: codec });
  }
  return out;
}
