// ZIP archives: every entry goes back through the registry, so any supported format imports from inside a
// zip (a zip inside a zip too, up to limits.maxZipDepth). Defences against hostile archives: the entry
// count and the sum of declared sizes are checked before anything is unpacked, each entry's real size is
// held to its declared one while it inflates (see zip-reader), and the byte budget is shared with the
// archives nested inside, so a zip of zips cannot multiply it. Dangerous names (absolute paths, ".."
// segments) are refused by name while the other entries still import.
import { ImportRefusal } from '../refusal';
import type { ExtractedItem, FormatExtractor } from './types';
import { sizeLabel, readZipDirectory, readZipEntry } from './zip-reader';
import { oversizeReason } from './limits';
import { extensionOf, LABEL_SEPARATOR } from '../../../../shared/domain/file-labels';

interface Budget {
  /** Unpacked bytes still allowed for this archive and everything nested in it. */
  bytes: number;
}

/** Nested archives find their parent's budget by their bytes, which the registry passes through unchanged. */
const budgets = new WeakMap<Uint8Array, Budget>();

/** Why a name is unsafe to use as a path (zip-slip), or null. Backslashes count as separators. */
export function unsafeEntryName(name: string): string | null {
  if (name.includes('\0')) return 'unsafe name in archive (contains a NUL character)';
  if (/^[/\\]/.test(name) || /^[a-z]:/i.test(name)) return 'unsafe path in archive (absolute path)';
  if (name.split(/[/\\]/).includes('..')) return 'unsafe path in archive ("..": points outside the archive)';
  return null;
}

/** Folders, macOS resource forks and hidden files ("__MACOSX/…", ".DS_Store", ".git/…") are not articles. */
function isSkipped(name: string, isDirectory: boolean): boolean {
  if (isDirectory) return true;
  return name.split(/[/\\]/).some((seg) => seg === '__MACOSX' || seg.startsWith('.'));
}

export const zipFormat: FormatExtractor = {
  extensions: ['.zip'],
  name: 'ZIP archive',
  async extract(label, bytes, ctx) {
    const { limits } = ctx;
    if (ctx.depth > limits.maxZipDepth)
      throw new ImportRefusal(`archives nested more than ${limits.maxZipDepth} deep`);
    const budget = budgets.get(bytes) ?? { bytes: limits.maxZipTotalBytes };
    const entries = readZipDirectory(bytes, limits.maxZipEntries);
    const items: ExtractedItem[] = [];
    const plan: Array<{ inner: string; entry: (typeof entries)[number] } | ExtractedItem> = [];
    let declared = 0;
    for (const entry of entries) {
      const inner = `${label}${LABEL_SEPARATOR}${entry.name.replace(/\\/g, '/')}`;
      // Checked first: "../x" would otherwise pass for a hidden file and be skipped without a word.
      const unsafe = entry.isDirectory ? null : unsafeEntryName(entry.name);
      if (unsafe) plan.push({ label: inner, refusal: unsafe });
      else if (isSkipped(entry.name, entry.isDirectory)) continue;
      else if (entry.encrypted) plan.push({ label: inner, refusal: 'encrypted (password-protected) entry' });
      else if (!extensionOf(entry.name))
        plan.push({ label: inner, refusal: 'unsupported file type (no extension)' });
      else {
        // Over the per-file cap (the registry's rule): refused by its declared size, never unpacked.
        const tooBig = oversizeReason(entry.name, entry.size, limits);
        plan.push(tooBig ? { label: inner, refusal: tooBig } : { inner, entry });
        declared += entry.size;
      }
    }
    if (declared > budget.bytes) {
      const limit = sizeLabel(limits.maxZipTotalBytes);
      throw new ImportRefusal(
        budget.bytes < limits.maxZipTotalBytes
          ? `unpacks to ${sizeLabel(declared)}, but only ${sizeLabel(Math.max(0, budget.bytes))} is left of the ${limit} limit for an archive and the archives inside it (zip bomb?)`
          : `unpacks to ${sizeLabel(declared)}, over the ${limit} limit for archives (zip bomb?)`,
      );
    }
    for (const step of plan) {
      if (!('entry' in step)) {
        items.push(step);
        continue;
      }
      let data: Uint8Array;
      try {
        data = readZipEntry(bytes, step.entry);
      } catch (err) {
        if (!(err instanceof ImportRefusal)) throw err;
        items.push({ label: step.inner, refusal: err.reason });
        continue;
      }
      budget.bytes -= data.length;
      if (extensionOf(step.entry.name) === '.zip') budgets.set(data, budget);
      items.push(...(await ctx.extractNested(step.inner, data)));
    }
    if (items.length === 0) throw new ImportRefusal('empty archive (no files to import)');
    return items;
  },
};
