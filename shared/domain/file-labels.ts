// What the report and the library call an imported file: its name, or for a file inside a dropped or named
// folder, the folder path from that folder down ("collection › reuters › 2024-01 › 0001.txt"), so that two
// index.html from two outlets' folders stay apart and the library keeps where each original came from. The
// same " › " already joins a zip's name to an entry's. A label is never a path: it cannot hold "/" or "\",
// and it is cut to MAX_LABEL code points from the front, so the file's own name and extension survive.

export const LABEL_SEPARATOR = ' › ';
/** Longest label, in code points; the contract accepts 255. */
export const MAX_LABEL = 200;

const clean = (part: string) => part.replace(/[\\/]/g, '_').split('\u0000').join('_').trim();

/** The last part of a label: the file's (or zip entry's) own name. */
export const labelBase = (label: string) => label.split(LABEL_SEPARATOR).pop() ?? label;

/**
 * Lower-case extension of a label's own name (".pdf"), or "" for none: the end of a folder label ("coll.v2 ›
 * README" has none) or of a zip entry's path; a leading dot alone (".profile") is no extension. What picks a
 * file's format and its size cap, in the window and on the main side alike.
 */
export function extensionOf(name: string): string {
  const base = labelBase(name).split(/[/\\]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** A label from folder parts and the file name; over MAX_LABEL, leading folders give way to "…". */
export function pathLabel(parts: readonly string[]): string {
  const kept = parts.map(clean).filter(Boolean);
  if (!kept.length) return 'unnamed';
  const len = (s: string) => Array.from(s).length;
  let label = kept.join(LABEL_SEPARATOR);
  for (let i = 1; len(label) > MAX_LABEL && i < kept.length; i++)
    label = ['…', ...kept.slice(i)].join(LABEL_SEPARATOR);
  // A single name still too long keeps its end, where the extension is.
  return len(label) > MAX_LABEL
    ? `…${Array.from(label)
        .slice(-(MAX_LABEL - 1))
        .join('')}`
    : label;
}
