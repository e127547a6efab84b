import { buildExport, exportFileName } from '../../../../../shared/domain/export';
import { toCsv } from '../../../../../shared/domain/export/csv';
import { toJson } from '../../../../../shared/domain/export/json';
import { toMarkdown } from '../../../../../shared/domain/export/markdown';
import { makeSnapshot } from './fixture';

describe('buildExport', () => {
  // Built from local fields, so the expected day holds in any time zone.
  const now = new Date(2022, 0, 7, 23, 59);
  const snap = makeSnapshot();

  it.each([
    ['md', 'workbench-notes-2022-01-07.md', 'text/markdown;charset=utf-8', toMarkdown],
    ['csv', 'workbench-notes-2022-01-07.csv', 'text/csv;charset=utf-8', toCsv],
    ['json', 'workbench-notes-2022-01-07.json', 'application/json;charset=utf-8', toJson],
  ] as const)('%s: file name, mime type and content', (format, fileName, mimeType, render) => {
    expect(buildExport(format, snap, now)).toEqual({ fileName, mimeType, content: render(snap) });
  });

  it('pads month and day', () => {
    expect(exportFileName('md', new Date(2024, 8, 3, 0, 0))).toBe('workbench-notes-2024-09-03.md');
  });

  it('refuses an unknown format', () => {
    expect(() => buildExport('pdf' as never, snap, now)).toThrow(/Unknown export format/);
  });
});
