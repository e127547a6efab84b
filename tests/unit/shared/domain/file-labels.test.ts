// The extension of a label: what picks a file's format and its size cap, in the window and on the main side.
import { describe, expect, it } from 'vitest';
import { extensionOf } from '../../../../shared/domain/file-labels';

describe('extensionOf', () => {
  it("is the lower-case extension of the file's own name", () => {
    expect(extensionOf('Articolo.TXT')).toBe('.txt');
    expect(extensionOf('archivio.tar.gz')).toBe('.gz');
    expect(extensionOf('raccolta › ansa › 0001.html')).toBe('.html');
    expect(extensionOf('rassegna.zip › cartella/sub\\pezzo.Md')).toBe('.md');
  });
  it('is empty without one: no dot, a leading dot alone, a dot only in a folder', () => {
    expect(extensionOf('README')).toBe('');
    expect(extensionOf('.profile')).toBe('');
    expect(extensionOf('coll.v2 › README')).toBe('');
    expect(extensionOf('rassegna.zip › dir.d/LEGGIMI')).toBe('');
    expect(extensionOf('')).toBe('');
  });
});
