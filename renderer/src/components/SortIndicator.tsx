// The ▲/▼ next to a sorted column's header, shared by both tables.
export type SortDir = false | 'asc' | 'desc';

export function ariaSort(dir: SortDir): 'ascending' | 'descending' | 'none' {
  return dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none';
}

export function SortIndicator({ dir }: { dir: SortDir }) {
  return (
    <span className={`sort-indicator${dir ? ' is-active' : ''}`} aria-hidden="true">
      {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}
    </span>
  );
}
