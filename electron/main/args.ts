// Where the library lives: `--library <dir>` (or `--library=<dir>`), else $WORKBENCH_LIBRARY, else
// <userData>/library. Relative paths are resolved against the working directory.
import path from 'node:path';

export const LIBRARY_ENV = 'WORKBENCH_LIBRARY';

export function libraryArg(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === undefined) continue;
    if (a === '--library') {
      const next = argv[i + 1];
      if (next !== undefined && next !== '' && !next.startsWith('--')) {
        found = next;
        i++;
      }
    } else if (a.startsWith('--library=')) {
      const v = a.slice('--library='.length);
      if (v !== '') found = v;
    }
  }
  return found;
}

export function resolveLibraryDir(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  userDataDir: string,
  cwd: string = process.cwd(),
): string {
  const fromArg = libraryArg(argv);
  if (fromArg !== undefined) return path.resolve(cwd, fromArg);
  const fromEnv = env[LIBRARY_ENV]?.trim();
  if (fromEnv) return path.resolve(cwd, fromEnv);
  return path.join(userDataDir, 'library');
}
