// The CLI's strict arguments: every verb refuses what it does not take, naming it, with exit 2 and the usage
// on stderr, before any library is opened (a misspelt --library must not open the default library instead).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/index';
import { FIXTURES, FOGLIETTONE, tempDir } from '../../helpers/temp-library';

let tmp: ReturnType<typeof tempDir>;
let lib: string;
/** Where the CLI would open its default library ($WORKBENCH_LIBRARY): no test here may create it. */
let fallback: string;
let savedEnv: string | undefined;

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { log: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeEach(() => {
  tmp = tempDir();
  lib = join(tmp.dir, 'lib');
  fallback = join(tmp.dir, 'default-library');
  savedEnv = process.env.WORKBENCH_LIBRARY;
  process.env.WORKBENCH_LIBRARY = fallback;
});
afterEach(() => {
  if (savedEnv === undefined) delete process.env.WORKBENCH_LIBRARY;
  else process.env.WORKBENCH_LIBRARY = savedEnv;
  tmp.cleanup();
});

/** Each verb with the arguments it needs, so that only the flag under test is wrong. */
const VERBS: Array<[string, string[]]> = [
  ['import', ['some-file.txt']],
  ['list', []],
  ['show', ['abc']],
  ['annotate', ['abc', '--quote', 'q', '--claim', 'c', '--stance', 'reports']],
  ['reextract', ['--all']],
  ['settings', []],
  ['export', ['--format', 'md']],
  ['serve', []],
];

describe('workbench: strict arguments', () => {
  it.each(VERBS)(
    '%s refuses an unknown flag by name, with exit 2 and the usage, opening no library',
    async (verb, args) => {
      const r = await run(verb, ...args, '--bogus', '--library', lib);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(new RegExp(`^workbench: unknown option --bogus for "${verb}"`));
      expect(r.err).toContain('Usage: workbench <command>');
      expect(r.out).toBe('');
      expect(existsSync(lib)).toBe(false);
    },
  );

  it('refuses the typo --libary instead of opening the default library, and suggests --library', async () => {
    const r = await run('list', '--libary', lib);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^workbench: unknown option --libary for "list" \(did you mean --library\?\)/);
    expect(existsSync(fallback)).toBe(false);
    expect(existsSync(lib)).toBe(false);
  });

  it("refuses another verb's option", async () => {
    const r = await run('list', '--progress', '--library', lib);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown option --progress for "list"/);
  });

  it.each([
    [['list', '--library'], /^workbench: --library needs a value/],
    [['export', '--library', 'x', '--format'], /^workbench: --format needs a value/],
    [
      ['annotate', 'abc', '--quote', '--claim', 'c', '--stance', 'reports'],
      /^workbench: --quote needs a value \(a value starting with "-" is written --quote=-…\)/,
    ],
    [['list', '--library='], /^workbench: --library needs a folder/],
    [['list', '--json=yes'], /^workbench: --json takes no value/],
  ])('refuses a missing or unwanted value: %s', async (args, message) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(existsSync(fallback)).toBe(false);
  });

  it.each([
    [['list', 'extra'], /^workbench: list takes no arguments besides its options \(got "extra"\)/],
    [
      ['export', 'notes.md', '--format', 'md'],
      /^workbench: export takes no arguments besides its options \(got "notes\.md"\)/,
    ],
    [['settings', 'max-file-mb=5'], /^workbench: settings takes no arguments/],
    [['serve', '8080'], /^workbench: serve takes no arguments/],
    [['import'], /^workbench: import needs files or folders/],
    [['show', 'abc', 'def'], /^workbench: show takes one article id \(got 2 arguments\)/],
    [
      ['annotate', 'abc', 'def', '--quote', 'q', '--claim', 'c', '--stance', 'reports'],
      /^workbench: annotate takes one article id/,
    ],
  ])('refuses positional arguments a verb does not take: %s', async (args, message) => {
    const r = await run(...args, '--library', lib);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(existsSync(lib)).toBe(false);
  });

  it('refuses options before the command, and an unknown command', async () => {
    const first = await run('--library', lib, 'list');
    expect(first.code).toBe(2);
    expect(first.err).toMatch(/^workbench: the command comes first \(got --library\)/);
    const unknown = await run('lsit', '--library', lib);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^workbench: unknown command: lsit/);
    expect(existsSync(lib)).toBe(false);
  });

  it('prints the usage for --help (exit 0), and without a command (exit 2)', async () => {
    for (const args of [['--help'], ['-h'], ['help'], ['list', '--help'], ['import', '-h']]) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.out, args.join(' ')).toMatch(/^Usage: workbench <command> \[options\]/);
    }
    const bare = await run();
    expect(bare.code).toBe(2);
    expect(bare.out).toMatch(/^Usage: workbench/);
    expect(existsSync(fallback)).toBe(false);
  });

  it('takes repeated and inline values, the last one winning for a single option', async () => {
    expect(
      (
        await run(
          'import',
          join(FIXTURES, FOGLIETTONE),
          `--library=${join(tmp.dir, 'ignored')}`,
          '--library',
          lib,
        )
      ).code,
    ).toBe(0);
    expect(existsSync(lib)).toBe(true);
    expect(existsSync(join(tmp.dir, 'ignored'))).toBe(false);
    const r = await run(
      'settings',
      '--outlet=ilfogliettone.it=Il Fogliettone',
      '--outlet',
      'example.org=Example',
      '--library',
      lib,
    );
    expect(r.code).toBe(0);
    expect(r.out.split('\n').filter((l) => l.startsWith('outlet\t'))).toEqual([
      'outlet\texample.org\tExample',
      'outlet\tilfogliettone.it\tIl Fogliettone',
    ]);
  });

  it('refuses article ids together with --all', async () => {
    const r = await run('reextract', 'abc', '--all', '--library', lib);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^workbench: reextract takes article ids or --all, not both/);
  });
});
