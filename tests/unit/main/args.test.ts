import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryArg, LIBRARY_ENV, resolveLibraryDir } from '../../../electron/main/args';

const userData = path.resolve('/home/ana/.config/Analyst Workbench');
const cwd = path.resolve('/work');

describe('library dir resolution', () => {
  it('prefers --library <dir>', () => {
    expect(
      resolveLibraryDir(
        ['electron', 'out/main/main.js', '--library', '/data/lib'],
        { [LIBRARY_ENV]: '/env/lib' },
        userData,
        cwd,
      ),
    ).toBe(path.resolve('/data/lib'));
  });

  it('accepts --library=<dir> and resolves relative paths against cwd', () => {
    expect(resolveLibraryDir(['app', '--library=rel/lib'], {}, userData, cwd)).toBe(
      path.join(cwd, 'rel/lib'),
    );
  });

  it('falls back to WORKBENCH_LIBRARY, then <userData>/library', () => {
    expect(resolveLibraryDir(['app'], { [LIBRARY_ENV]: '/env/lib' }, userData, cwd)).toBe(
      path.resolve('/env/lib'),
    );
    expect(resolveLibraryDir(['app'], { [LIBRARY_ENV]: '   ' }, userData, cwd)).toBe(
      path.join(userData, 'library'),
    );
    expect(resolveLibraryDir(['app'], {}, userData, cwd)).toBe(path.join(userData, 'library'));
  });

  it('ignores --library without a value and takes the last one given', () => {
    expect(libraryArg(['app', '--library'])).toBeUndefined();
    expect(libraryArg(['app', '--library', '--no-sandbox'])).toBeUndefined();
    expect(libraryArg(['app', '--library='])).toBeUndefined();
    expect(libraryArg(['app', '--library', 'a', '--library=b'])).toBe('b');
    expect(libraryArg(['app', '--libraryx', 'a'])).toBeUndefined();
  });
});
