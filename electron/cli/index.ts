// `workbench` command line: the same services as the app, for scripted imports, exports and the host.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { STANCES, type AppInfo, type Stance } from '../../shared/domain/types';
import { articleText, findQuote } from '../../shared/domain/article-text';
import { buildExport } from '../../shared/domain/export/index';
import { openWorkbench, type Workbench } from '../services/workbench';
import { readFileBatches, walkFiles, type PathProblem } from '../services/import/pipeline/read-paths';
import { defaultLibraryDir } from '../services/paths';
import { createHost } from '../host/server';
import { reextractArticle } from '../services/library/reextract';
import { extractFile } from '../services/import/formats/registry';
import { writeFileAtomic } from '../services/fs-atomic';
import { DEFAULT_IMPORT_SIZE_LIMITS, IMPORT_SIZE_LIMIT_MAX_BYTES, IMPORT_SIZE_LIMIT_MIN_BYTES, type ImportSizeLimits } from '../../shared/api/rpc';
import type { SettingsView } from '../../shared/domain/types';
import { normalizeHost } from '../../shared/domain/outlet-registry';

const MB = 1024 * 1024;
const MIN_MB = IMPORT_SIZE_LIMIT_MIN_BYTES / MB;
const MAX_MB = IMPORT_SIZE_LIMIT_MAX_BYTES / MB;
const DEFAULT_FILE_MB = DEFAULT_IMPORT_SIZE_LIMITS.maxBytes / MB;
const DEFAULT_PDF_MB = DEFAULT_IMPORT_SIZE_LIMITS.maxPdfBytes / MB;

const USAGE = `Usage: workbench <command> [options]
  import <files or folders…> --library <dir> [--progress] [--max-file-mb N] [--max-pdf-mb N]
                                                    import articles (exit 1 if any file was refused); progress on
                                                    stderr about once a second with --progress or on a terminal;
                                                    --max-*-mb: per-file caps for this run (else the library's settings)
  list --library <dir> [--json]                     list articles
  show <articleId> --library <dir> [--json]         one article with its annotations
  annotate <articleId> --quote "<text>" --claim "<claim>" --stance <${STANCES.join('|')}> [--speaker <name>] [--tags a,b] [--note <text>] --library <dir>
  export --format md|csv|json --library <dir> [--out <file>]
  reextract <articleId…>|--all --library <dir>     derive the text again from the kept originals, keeping annotations
  serve --library <dir> [--port N]                  serve the workbench at http://127.0.0.1 (URL printed with its token)
  settings --library <dir> [--max-file-mb N] [--max-pdf-mb N] [--defaults] [--outlet domain=Name…] [--forget-outlet domain…] [--json]
                                                    show the library's settings, or change the per-file import caps
                                                    (${MIN_MB}–${MAX_MB} MB; defaults ${DEFAULT_FILE_MB} MB, PDF ${DEFAULT_PDF_MB} MB)
                                                    or the library's own outlet names (over the built-in list;
                                                    stored articles from the domain take the new name)
The library defaults to $WORKBENCH_LIBRARY or the desktop app's own library.`;

class UsageError extends Error {}

const ESCAPES: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * One field of an import report line. File names may hold tabs and line breaks ("a\nb.txt" is a valid name,
 * and so is a zip entry's): control characters are written as escapes so that every report stays one line of
 * tab-separated fields.
 */
export function reportField(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\x00-\x1f\x7f]/g, (c) => ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

interface Parsed {
  positional: string[];
  /** Each flag's last value. */
  flags: Map<string, string | true>;
  /** Every value of a flag given more than once (--outlet a=A --outlet b=B). */
  lists: Map<string, string[]>;
}

const BOOLEAN_FLAGS = new Set(['json', 'help', 'progress', 'all', 'defaults']);

export function parseArgs(argv: string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  const lists = new Map<string, string[]>();
  const put = (k: string, v: string) => {
    flags.set(k, v);
    lists.set(k, [...(lists.get(k) ?? []), v]);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const [k, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (inline !== undefined) put(k, inline);
      else if (BOOLEAN_FLAGS.has(k)) flags.set(k, true);
      else {
        const v = argv[++i];
        if (v === undefined) throw new UsageError(`--${k} needs a value`);
        put(k, v);
      }
    } else positional.push(a);
  }
  return { positional, flags, lists };
}

function str(p: Parsed, name: string): string | undefined {
  const v = p.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}
function need(p: Parsed, name: string): string {
  const v = str(p, name);
  if (!v) throw new UsageError(`--${name} is required`);
  return v;
}

/** --outlet domain=Name (repeatable) and --forget-outlet domain as an outlet-names change; domains normalised. */
export function outletNameFlags(p: Parsed): Array<{ domain: string; name: string | null }> {
  const change = new Map<string, string | null>();
  const domainOf = (raw: string, flag: string) => {
    const d = normalizeHost(raw);
    if (!d) throw new UsageError(`--${flag}: "${raw}" is not a domain name such as example.org`);
    return d;
  };
  for (const v of p.lists.get('outlet') ?? []) {
    const at = v.indexOf('=');
    if (at < 0 || !v.slice(at + 1).trim()) throw new UsageError(`--outlet needs domain=Name, e.g. --outlet "ilfogliettone.it=Il Fogliettone" (got "${v}")`);
    change.set(domainOf(v.slice(0, at), 'outlet'), v.slice(at + 1).trim());
  }
  for (const v of p.lists.get('forget-outlet') ?? []) change.set(domainOf(v, 'forget-outlet'), null);
  return [...change].map(([domain, name]) => ({ domain, name }));
}

/** --max-file-mb / --max-pdf-mb as byte caps; megabytes may have decimals, within the range the API accepts. */
export function sizeLimitFlags(p: Parsed): Partial<ImportSizeLimits> {
  const out: Partial<ImportSizeLimits> = {};
  for (const [flag, key] of [['max-file-mb', 'maxBytes'], ['max-pdf-mb', 'maxPdfBytes']] as const) {
    if (!p.flags.has(flag)) continue;
    const v = str(p, flag) ?? '';
    const mb = /^\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : NaN;
    if (!(mb >= MIN_MB && mb <= MAX_MB)) throw new UsageError(`--${flag} must be a number of megabytes from ${MIN_MB} to ${MAX_MB} (got "${v}")`);
    out[key] = Math.round(mb * MB);
  }
  return out;
}

const mbText = (bytes: number) => `${Math.round((bytes / MB) * 10) / 10} MB`;

function version(): string {
  try {
    return JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')).version;
  } catch {
    return '0.0.0';
  }
}

type Out = {
  log: (s: string) => void;
  err: (s: string) => void;
  /** stderr is a terminal: import then shows its progress without --progress, on one line rewritten in place. */
  isTTY?: boolean;
  /** Writes raw text to stderr (for the progress line); defaults to err. */
  errRaw?: (s: string) => void;
};

const defaultOut: Out = {
  log: (s) => console.log(s),
  err: (s) => console.error(s),
  isTTY: Boolean(process.stderr.isTTY),
  errRaw: (s) => void process.stderr.write(s),
};

/**
 * Import progress on stderr about once a second (stdout stays one line per file): files done of the total,
 * rate, time left and the batch being read. On a terminal the line is rewritten in place.
 */
export async function startProgress(paths: string[], out: Out, intervalMs = 1000, now: () => number = Date.now) {
  let total = 0;
  for await (const _ of walkFiles(paths, [])) total++;
  const started = now();
  let done = 0;
  let current = '';
  let shown = false;
  const tty = out.isTTY ?? false;
  const line = () => {
    const secs = (now() - started) / 1000;
    const rate = secs > 0 && done > 0 ? done / secs : 0;
    const eta = rate > 0 ? Math.ceil((total - done) / rate) : null;
    const pct = total ? Math.floor((done / total) * 100) : 100;
    return `import: ${done}/${total} files (${pct} %)${rate ? `, ${rate.toFixed(1)} files/s` : ''}${eta !== null && done < total ? `, about ${eta} s left` : ''}${current && done < total ? ` — ${current}` : ''}`;
  };
  const print = () => {
    shown = true;
    if (tty && out.errRaw) out.errRaw(`\r\x1b[K${line()}`);
    else out.err(line());
  };
  const timer = setInterval(print, intervalMs);
  timer.unref?.();
  return {
    batch(names: string[]) {
      current = names.length > 1 ? `${names[0]} … ${names[names.length - 1]}` : (names[0] ?? '');
    },
    done(n: number) {
      done += n;
    },
    /** Terminal only: take the progress line off the screen (before other output)… */
    clear() {
      if (tty && out.errRaw && shown) out.errRaw('\r\x1b[K');
    },
    /** …and put it back. */
    redraw() {
      if (tty && out.errRaw && shown) print();
    },
    stop() {
      clearInterval(timer);
      // A terminal's line is cleared for the summary; a log gets the final count.
      if (tty && out.errRaw) {
        if (shown) out.errRaw('\r\x1b[K');
      } else print();
    },
  };
}

export async function runCli(argv: string[], out: Out = defaultOut): Promise<number> {
  let wb: Workbench | undefined;
  try {
    const p = parseArgs(argv);
    const [cmd, ...rest] = p.positional;
    if (!cmd || p.flags.has('help') || cmd === 'help') {
      out.log(USAGE);
      return cmd ? 0 : 2;
    }
    const libraryDir = str(p, 'library') ?? defaultLibraryDir();
    const ports = { shell: 'host' as const };
    // Only `serve` opens a damaged library (its page offers the backups); the other commands fail with the reason.
    // The bundled CLI has its extraction worker beside it; run from sources (tests) it extracts in-process.
    const worker = fileURLToPath(new URL('./extract-worker.js', import.meta.url));
    const extractorWorker = existsSync(worker) ? worker : undefined;
    // Caps given to `import` hold for this run only; `settings` stores them in the library.
    const runLimits = cmd === 'import' ? sizeLimitFlags(p) : {};
    wb = await openWorkbench({ libraryDir, version: version(), ports, onInternalError: () => {}, recovery: cmd === 'serve', extractorWorker, importLimits: runLimits });
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const r = await wb!.dispatch(method, input);
      if (!r.ok) throw new Error(r.error.message);
      return r.result as T;
    };

    switch (cmd) {
      case 'import': {
        if (!rest.length) throw new UsageError('import needs files or folders');
        const problems: PathProblem[] = [];
        let refused = 0;
        const totals = { imported: 0, 'near-duplicate': 0, duplicate: 0, refused: 0 };
        const progress = p.flags.has('progress') || (out.isTTY ?? false) ? await startProgress(rest, out) : null;
        for await (const batch of readFileBatches(rest, problems, { limits: wb.importer.limits() })) {
          progress?.batch(batch.map((f) => f.name));
          const report = await wb.importer.importFiles(batch);
          progress?.done(batch.length);
          // On a terminal stdout shares the screen: the file lines go above the progress line, not into it.
          progress?.clear();
          for (const r of report.results) {
            totals[r.status]++;
            if (r.status === 'refused') refused++;
            const titled = r.title && (r.status === 'imported' || r.status === 'near-duplicate');
            out.log(`${r.status}\t${reportField(r.fileName)}${r.articleId ? `\t${r.articleId}` : ''}${titled ? `\t${reportField(r.title!)}` : ''}${r.reason ? `\t${reportField(r.reason)}` : ''}`);
          }
          progress?.redraw();
        }
        progress?.stop();
        for (const pr of problems) {
          refused++;
          totals.refused++;
          out.log(`refused\t${reportField(pr.path)}\t${reportField(pr.reason)}`);
        }
        out.err(`${totals.imported} imported, ${totals.duplicate} duplicate, ${totals.refused} refused, ${totals['near-duplicate']} near-duplicate`);
        return refused ? 1 : 0;
      }
      case 'list': {
        const rows = wb.library.listArticles().map(({ id, title, outlet, url, published, language, wordCount, fileName, sha256 }) => ({
          id, title, outlet, url, published, language, wordCount, fileName, sha256,
        }));
        if (p.flags.has('json')) out.log(JSON.stringify(rows, null, 2));
        else for (const r of rows) out.log(`${r.id}\t${r.published ?? ''}\t${r.outlet.name}\t${r.title}`);
        return 0;
      }
      case 'show': {
        const id = rest[0];
        if (!id) throw new UsageError('show needs an article id');
        const a = await call<Awaited<ReturnType<typeof wb.library.getArticle>>>('articles.get', { id });
        if (p.flags.has('json')) out.log(JSON.stringify(a, null, 2));
        else {
          out.log(`${a.title}\n${a.outlet.name} · ${a.published ?? 'no date'} · ${a.url ?? ''}\n`);
          if (a.lead) out.log(`${a.lead}\n`);
          out.log(a.paragraphs.join('\n\n'));
          for (const n of a.annotations) out.log(`\n[${n.stance}] «${n.quote.exact}» (${n.speaker || 'no speaker'})`);
        }
        return 0;
      }
      case 'annotate': {
        const articleId = rest[0];
        if (!articleId) throw new UsageError('annotate needs an article id');
        const quote = need(p, 'quote');
        const stance = need(p, 'stance');
        if (!(STANCES as readonly string[]).includes(stance)) throw new UsageError(`--stance must be one of ${STANCES.join(', ')}`);
        const article = await call<Awaited<ReturnType<typeof wb.library.getArticle>>>('articles.get', { id: articleId });
        const text = articleText(article);
        const at = findQuote(text, { exact: quote });
        if (!at) throw new Error(`The quote is not in article ${articleId}: "${quote.slice(0, 80)}"`);
        const claimText = need(p, 'claim');
        const existing = wb.library.listClaims().find((c) => c.text.toLowerCase() === claimText.trim().toLowerCase());
        const r = await call<{ annotation: { id: string }; claim: { id: string; text: string }; claimCreated: boolean }>('annotations.create', {
          articleId,
          target: { start: at.start, end: at.end, quote: { exact: quote } },
          ...(existing ? { claimId: existing.id } : { newClaim: { text: claimText, speaker: str(p, 'speaker') ?? '' } }),
          stance: stance as Stance,
          speaker: str(p, 'speaker') ?? '',
          tags: (str(p, 'tags') ?? '').split(',').map((t) => t.trim()).filter(Boolean),
          note: str(p, 'note') ?? '',
        });
        out.log(`annotation ${r.annotation.id} on claim ${r.claim.id}${r.claimCreated ? ' (new)' : ''}: "${r.claim.text}"`);
        return 0;
      }
      case 'reextract': {
        const ids = p.flags.has('all') ? wb.library.listArticles().map((a) => a.id) : rest;
        if (!ids.length) throw new UsageError('reextract needs article ids or --all');
        let failed = 0;
        for (const id of ids) {
          try {
            const r = await reextractArticle(wb.library.store, id, (label, bytes) => extractFile(label, bytes, { limits: wb!.importer.limits() }));
            out.log(`${r.changed ? 'updated' : 'unchanged'}\t${id}\t${r.title}\t${r.reanchored} annotation(s) kept`);
          } catch (err) {
            failed++;
            out.log(`kept\t${id}\t${err instanceof Error ? err.message : String(err)}`);
          }
        }
        return failed ? 1 : 0;
      }
      case 'settings': {
        const change = sizeLimitFlags(p);
        if (p.flags.has('defaults')) {
          if (Object.keys(change).length) throw new UsageError('--defaults cannot be combined with --max-file-mb or --max-pdf-mb');
          Object.assign(change, DEFAULT_IMPORT_SIZE_LIMITS);
        }
        const names = outletNameFlags(p);
        const patch = { ...(Object.keys(change).length ? { importLimits: change } : {}), ...(names.length ? { outletNames: names } : {}) };
        const view = Object.keys(patch).length ? await call<SettingsView>('settings.update', patch) : await call<SettingsView>('settings.get', {});
        if (view.notice) out.err(`workbench: ${view.notice}`);
        if (view.renamed !== undefined) out.err(`workbench: ${view.renamed} stored article(s) took the new outlet names`);
        if (p.flags.has('json')) out.log(JSON.stringify(view, null, 2));
        else {
          const { settings: s, defaults: d } = view;
          out.log(`import.max-file-mb\t${mbText(s.importLimits.maxBytes)}${s.importLimits.maxBytes === d.importLimits.maxBytes ? '\t(default)' : ''}`);
          out.log(`import.max-pdf-mb\t${mbText(s.importLimits.maxPdfBytes)}${s.importLimits.maxPdfBytes === d.importLimits.maxPdfBytes ? '\t(default)' : ''}`);
          for (const [domain, name] of Object.entries(s.outletNames)) out.log(`outlet\t${domain}\t${reportField(name)}`);
        }
        return 0;
      }
      case 'export': {
        const format = need(p, 'format');
        if (format !== 'md' && format !== 'csv' && format !== 'json') throw new UsageError('--format must be md, csv or json');
        const file = buildExport(format, await wb.library.snapshot(), new Date());
        const dest = str(p, 'out');
        if (dest) {
          await writeFileAtomic(dest, file.content);
          out.err(`wrote ${dest}`);
        } else process.stdout.write(file.content);
        return 0;
      }
      case 'serve': {
        const port = str(p, 'port') ? Number(str(p, 'port')) : 0;
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a port number');
        const staticDir = fileURLToPath(new URL('../renderer', import.meta.url));
        const opened = wb;
        const importLimits = () => {
          try {
            return opened.importer.limits();
          } catch {
            return DEFAULT_IMPORT_SIZE_LIMITS; // recovery mode: no library open, no import possible
          }
        };
        const host = await createHost({ dispatch: wb.dispatch, staticDir, port, log: out.err, importLimits });
        const info = await wb.dispatch('app.info', {});
        const recovery = info.ok ? (info.result as AppInfo).recovery : undefined;
        if (recovery) out.err(`workbench: the library file ${recovery.file} ${recovery.reason} The page offers ${recovery.backups.length} backup(s) to restore.`);
        out.log(`Analyst Workbench at ${host.openUrl}`);
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        await host.close();
        return 0;
      }
      default:
        throw new UsageError(`unknown command: ${cmd}`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      out.err(`workbench: ${err.message}\n${USAGE}`);
      return 2;
    }
    out.err(`workbench: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    await wb?.close();
  }
}

// Run when executed directly (bin/workbench.mjs imports this bundle).
if (process.argv[1] && /cli\.js$/.test(process.argv[1])) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
