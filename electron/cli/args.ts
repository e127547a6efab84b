// The command line's grammar: each verb's options, parsed by node:util's parseArgs in strict mode, so that an
// unknown or misspelt flag (`list --libary ~/lib`) is a usage error naming it instead of being ignored.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { STANCES } from '../../shared/domain/types';
import { normalizeHost } from '../../shared/domain/outlet-registry';
import {
  DEFAULT_IMPORT_SIZE_LIMITS,
  IMPORT_SIZE_LIMIT_MAX_BYTES,
  IMPORT_SIZE_LIMIT_MIN_BYTES,
  type ImportSizeLimits,
} from '../../shared/api/rpc';

export const MB = 1024 * 1024;
const MIN_MB = IMPORT_SIZE_LIMIT_MIN_BYTES / MB;
const MAX_MB = IMPORT_SIZE_LIMIT_MAX_BYTES / MB;

export const USAGE = `Usage: workbench <command> [options]
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
                                                    (${MIN_MB}–${MAX_MB} MB; defaults ${DEFAULT_IMPORT_SIZE_LIMITS.maxBytes / MB} MB, PDF ${DEFAULT_IMPORT_SIZE_LIMITS.maxPdfBytes / MB} MB)
                                                    or the library's own outlet names (over the built-in list;
                                                    stored articles from the domain take the new name)
  Options go after the command; a value starting with "-" is written --option=-value.
The library defaults to $WORKBENCH_LIBRARY or the desktop app's own library.`;

/** A mistake in the command line: reported with the usage, exit 2. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;
const text = { type: 'string' } as const;
const flag = { type: 'boolean' } as const;
const sizeCaps = { 'max-file-mb': text, 'max-pdf-mb': text } as const;

/** Each verb's options (besides --library and --help) and how many positional arguments it takes. */
const VERBS = {
  import: { options: { progress: flag, ...sizeCaps }, positionals: 'files or folders' },
  list: { options: { json: flag }, positionals: null },
  show: { options: { json: flag }, positionals: 'one article id' },
  annotate: {
    options: { quote: text, claim: text, stance: text, speaker: text, tags: text, note: text },
    positionals: 'one article id',
  },
  export: { options: { format: text, out: text }, positionals: null },
  reextract: { options: { all: flag }, positionals: 'article ids' },
  serve: { options: { port: text }, positionals: null },
  settings: {
    options: {
      ...sizeCaps,
      defaults: flag,
      outlet: { type: 'string', multiple: true },
      'forget-outlet': { type: 'string', multiple: true },
      json: flag,
    },
    positionals: null,
  },
} satisfies Record<string, { options: Options; positionals: string | null }>;

export type Verb = keyof typeof VERBS;
export type Values = Record<string, string | boolean | string[] | undefined>;

export type Command =
  | { kind: 'help'; exitCode: number }
  | { kind: 'run'; verb: Verb; library: string | undefined; values: Values; positionals: string[] };

const isVerb = (s: string): s is Verb => Object.prototype.hasOwnProperty.call(VERBS, s);

/** The closest option name, for "did you mean": at most two edits away. */
function closest(name: string, names: string[]): string | undefined {
  const distance = (a: string, b: string) => {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++)
        next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row = next;
    }
    return row[b.length]!;
  };
  const best = names.map((n) => ({ n, d: distance(name, n) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= 2 ? best.n : undefined;
}

/** parseArgs' errors in the CLI's words: which option, and what is wrong with it. */
function usageErrorFrom(err: unknown, verb: Verb, options: Options): UsageError {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: string }).code;
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const guess = option.startsWith('--') ? closest(option.slice(2), Object.keys(options)) : undefined;
    return new UsageError(
      `unknown option ${option} for "${verb}"${guess ? ` (did you mean --${guess}?)` : ''}`,
    );
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/argument missing/.test(message)) return new UsageError(`${option} needs a value`);
    if (/ambiguous/.test(message))
      return new UsageError(`${option} needs a value (a value starting with "-" is written ${option}=-…)`);
    if (/does not take an argument/.test(message)) return new UsageError(`${option} takes no value`);
  }
  return new UsageError(message);
}

/** The verb, its option values and its positional arguments; a UsageError for anything it does not take. */
export function parseCommand(argv: string[]): Command {
  const [verb, ...rest] = argv;
  if (verb === undefined) return { kind: 'help', exitCode: 2 };
  if (verb === 'help' || verb === '--help' || verb === '-h') return { kind: 'help', exitCode: 0 };
  if (verb.startsWith('-')) throw new UsageError(`the command comes first (got ${verb})`);
  if (!isVerb(verb)) throw new UsageError(`unknown command: ${verb}`);
  const spec = VERBS[verb];
  const options: Options = { ...spec.options, library: text, help: { type: 'boolean', short: 'h' } };
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options, strict: true, allowPositionals: true });
  } catch (err) {
    throw usageErrorFrom(err, verb, options);
  }
  const { values, positionals } = parsed as { values: Values; positionals: string[] };
  if (values.help) return { kind: 'help', exitCode: 0 };
  if (!spec.positionals && positionals.length)
    throw new UsageError(`${verb} takes no arguments besides its options (got "${positionals[0]}")`);
  if (spec.positionals === 'files or folders' && !positionals.length)
    throw new UsageError(`${verb} needs files or folders`);
  if (spec.positionals === 'one article id' && positionals.length > 1)
    throw new UsageError(`${verb} takes one article id (got ${positionals.length} arguments)`);
  if (values.library === '') throw new UsageError('--library needs a folder');
  return { kind: 'run', verb, library: values.library as string | undefined, values, positionals };
}

/** A string option's value, if given. */
export const str = (v: Values, name: string): string | undefined =>
  typeof v[name] === 'string' ? (v[name] as string) : undefined;

/** A required string option's value. */
export function need(v: Values, name: string): string {
  const s = str(v, name);
  if (!s) throw new UsageError(`--${name} is required`);
  return s;
}

/** --outlet domain=Name (repeatable) and --forget-outlet domain as an outlet-names change; domains normalised. */
export function outletNameFlags(v: Values): Array<{ domain: string; name: string | null }> {
  const change = new Map<string, string | null>();
  const domainOf = (raw: string, option: string) => {
    const d = normalizeHost(raw);
    if (!d) throw new UsageError(`--${option}: "${raw}" is not a domain name such as example.org`);
    return d;
  };
  for (const s of (v.outlet as string[] | undefined) ?? []) {
    const at = s.indexOf('=');
    if (at < 0 || !s.slice(at + 1).trim())
      throw new UsageError(
        `--outlet needs domain=Name, e.g. --outlet "ilfogliettone.it=Il Fogliettone" (got "${s}")`,
      );
    change.set(domainOf(s.slice(0, at), 'outlet'), s.slice(at + 1).trim());
  }
  for (const s of (v['forget-outlet'] as string[] | undefined) ?? [])
    change.set(domainOf(s, 'forget-outlet'), null);
  return [...change].map(([domain, name]) => ({ domain, name }));
}

/** --max-file-mb / --max-pdf-mb as byte caps; megabytes may have decimals, within the range the API accepts. */
export function sizeLimitFlags(v: Values): Partial<ImportSizeLimits> {
  const out: Partial<ImportSizeLimits> = {};
  for (const [option, key] of [
    ['max-file-mb', 'maxBytes'],
    ['max-pdf-mb', 'maxPdfBytes'],
  ] as const) {
    const s = str(v, option);
    if (s === undefined) continue;
    const mb = /^\d+(\.\d+)?$/.test(s.trim()) ? Number(s) : NaN;
    if (!(mb >= MIN_MB && mb <= MAX_MB))
      throw new UsageError(
        `--${option} must be a number of megabytes from ${MIN_MB} to ${MAX_MB} (got "${s}")`,
      );
    out[key] = Math.round(mb * MB);
  }
  return out;
}
