// Labels of files inside folders: the path from the named folder down, never a path separator, cut from the
// front so that the name and extension survive; and the extension read from the file's own name only.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_LABEL, extensionOf, labelBase, pathLabel } from '../../../../../shared/domain/file-labels';
import { formatFor } from '../../../../../electron/services/import/formats/registry';
import {
  readFileBatches,
  type PathProblem,
} from '../../../../../electron/services/import/pipeline/read-paths';
import { tempDir } from '../../../../helpers/temp-library';

describe('file labels', () => {
  it('join folders and the name with " › ", make separators harmless, and cut long ones from the front', () => {
    expect(pathLabel(['collection', 'reuters', '2024-01', 'index.html'])).toBe(
      'collection › reuters › 2024-01 › index.html',
    );
    expect(pathLabel(['a/b', 'c\\d.txt'])).toBe('a_b › c_d.txt');
    expect(pathLabel(['', '  '])).toBe('unnamed');
    const deep = pathLabel([...Array.from({ length: 40 }, (_, i) => `folder-${i}`), 'articolo.pdf']);
    expect(Array.from(deep).length).toBeLessThanOrEqual(MAX_LABEL);
    expect(deep).toMatch(/^… › folder-\d+ › .* › folder-39 › articolo\.pdf$/);
    expect(labelBase(deep)).toBe('articolo.pdf');
    const long = pathLabel([`${'è'.repeat(400)}.docx`]);
    expect(Array.from(long)).toHaveLength(MAX_LABEL);
    expect(long.endsWith('è.docx')).toBe(true);
  });

  it("take the extension from the file's own name, not from a folder with a dot", () => {
    expect(extensionOf('coll.v2 › README')).toBe('');
    expect(extensionOf('coll.v2 › notizie › pezzo.HTML')).toBe('.html');
    expect(extensionOf('rassegna.zip › cartella/pezzo.txt')).toBe('.txt');
    expect(formatFor('site.it › 2024 › index.md')?.name).toBe('text file');
  });

  it('label files read from folders by their path from the folder named, in walk order; a file named alone by its name', async () => {
    const tmp = tempDir();
    try {
      const root = join(tmp.dir, 'raccolta');
      mkdirSync(join(root, 'ansa', '2022-01'), { recursive: true });
      mkdirSync(join(root, '.git'));
      writeFileSync(join(root, 'ansa', '2022-01', 'index.html'), '<p>a</p>');
      writeFileSync(join(root, 'ansa', 'nota.txt'), 'n');
      writeFileSync(join(root, '.git', 'HEAD'), 'x');
      writeFileSync(join(root, 'b.txt'), 'b');
      writeFileSync(join(tmp.dir, 'sola.txt'), 's');
      const problems: PathProblem[] = [];
      const names: string[] = [];
      for await (const batch of readFileBatches([root, join(tmp.dir, 'sola.txt')], problems))
        names.push(...batch.map((f) => f.name));
      expect(problems).toEqual([]);
      expect(names).toEqual([
        'raccolta › ansa › 2022-01 › index.html',
        'raccolta › ansa › nota.txt',
        'raccolta › b.txt',
        'sola.txt',
      ]);
    } finally {
      tmp.cleanup();
    }
  });
});
