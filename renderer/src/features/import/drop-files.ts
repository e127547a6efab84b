// Files and folders from a drop. Entries must be taken while the drop event runs (the DataTransfer is
// emptied afterwards), so this is split into a synchronous snapshot and an asynchronous walk.
import { pathLabel } from '../../../../shared/domain/file-labels';

export interface DropSnapshot {
  entries: FileSystemEntry[];
  files: File[];
}

export function snapshotDataTransfer(dt: DataTransfer): DropSnapshot {
  const entries: FileSystemEntry[] = [];
  const files: File[] = [];
  const items = dt.items ? Array.from(dt.items) : [];
  const canWalk = items.length > 0 && items.every((i) => typeof i.webkitGetAsEntry === 'function');
  if (canWalk) {
    for (const item of items) {
      if (item.kind !== 'file') continue;
      const entry = item.webkitGetAsEntry();
      if (entry) entries.push(entry);
      else {
        const f = item.getAsFile();
        if (f) files.push(f);
      }
    }
    return { entries, files };
  }
  return { entries, files: Array.from(dt.files ?? []) };
}

const fileOf = (entry: FileSystemFileEntry) =>
  new Promise<File>((resolve, reject) => entry.file(resolve, reject));

const readAll = async (dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> => {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  // readEntries hands out a directory in pages (100 in Chromium) until it returns an empty page.
  for (;;) {
    const page = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (page.length === 0) return all;
    all.push(...page);
  }
};

/** Walking a folder of thousands of files takes many callbacks; the UI gets a turn every this many ms. */
const WALK_SLICE_MS = 16;

/**
 * A file inside a dropped folder goes by its path from that folder (shared/domain/file-labels): the same File data
 * under another name (nothing is read or copied here).
 */
function labelled(file: File, folders: readonly string[]): File {
  return folders.length
    ? new File([file], pathLabel([...folders, file.name]), {
        type: file.type,
        lastModified: file.lastModified,
      })
    : file;
}

async function walk(
  entry: FileSystemEntry,
  out: File[],
  folders: readonly string[],
  clock: { since: number },
): Promise<void> {
  // Hidden files inside a dropped folder (.DS_Store, .git) are not articles; ones dropped by hand are sent.
  if (folders.length && entry.name.startsWith('.')) return;
  if (entry.isFile) {
    // Only a handle: the bytes are read later, a batch at a time (lib/import-job).
    out.push(labelled(await fileOf(entry as FileSystemFileEntry), folders));
  } else if (entry.isDirectory) {
    const children = await readAll(entry as FileSystemDirectoryEntry);
    children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const child of children) await walk(child, out, [...folders, entry.name], clock);
  }
  if (Date.now() - clock.since >= WALK_SLICE_MS) {
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    clock.since = Date.now();
  }
}

export async function collectDroppedFiles(snapshot: DropSnapshot): Promise<File[]> {
  const out: File[] = [...snapshot.files];
  const clock = { since: Date.now() };
  for (const entry of snapshot.entries) await walk(entry, out, [], clock);
  return out;
}

/** Whether a drag carries files (and not, say, text dragged from the reader). */
export function dragHasFiles(dt: DataTransfer | null): boolean {
  return !!dt && Array.from(dt.types ?? []).includes('Files');
}

/**
 * Files from a folder picker (`<input webkitdirectory>`): each carries its path from the picked folder
 * (webkitRelativePath, "collection/reuters/0001.txt"), which becomes its label as in a dropped folder; hidden
 * files and anything inside hidden folders are left out, and the order is the one a dropped folder's walk
 * gives (names sorted per folder).
 */
export function pickedFolderFiles(files: readonly File[]): File[] {
  const withParts = files
    .map((file) => ({ file, parts: (file.webkitRelativePath || file.name).split('/').filter(Boolean) }))
    .filter(({ parts }) => !parts.some((p) => p.startsWith('.')));
  withParts.sort((a, b) => {
    for (let i = 0; i < Math.min(a.parts.length, b.parts.length); i++) {
      const [x, y] = [a.parts[i]!, b.parts[i]!];
      if (x !== y) {
        // A subfolder sorts by its name among the files beside it, as readEntries' names sorted do.
        return x < y ? -1 : 1;
      }
    }
    return a.parts.length - b.parts.length;
  });
  return withParts.map(({ file, parts }) => labelled(file, parts.slice(0, -1)));
}
