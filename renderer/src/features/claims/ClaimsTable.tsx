// The claims table: sortable by any column; click or ↑/↓ selects a claim and loads its evidence.
import { useMemo } from 'react';
import { flexRender } from '@tanstack/react-table';
import { useSortedTable } from '../../lib/use-sorted-table';
import type { ClaimSummary } from '../../../../shared/domain/types';
import { useAppStore, useAppStoreApi } from '../../state/store-context';
import { filterClaims } from '../../state/selectors';
import { claimColumns, isStanceColumn } from './claim-columns';
import { SortIndicator, ariaSort } from '../../components/SortIndicator';

export function ClaimsTable({ filter }: { filter: string }) {
  const store = useAppStoreApi();
  const claims = useAppStore((s) => s.claims);
  const status = useAppStore((s) => s.claimsStatus);
  const sorting = useAppStore((s) => s.claimSorting);
  const selectedId = useAppStore((s) => s.selectedClaimId);
  const selectClaim = useAppStore((s) => s.selectClaim);
  const data = useMemo(() => filterClaims(claims, filter) as ClaimSummary[], [claims, filter]);
  const table = useSortedTable(data, claimColumns, sorting, {
    get: () => store.getState().claimSorting,
    set: (next) => store.getState().setClaimSorting(next),
  });
  const rows = table.getRowModel().rows;

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const i = rows.findIndex((r) => r.id === selectedId);
    const next = rows[e.key === 'ArrowDown' ? Math.min(rows.length - 1, i + 1) : Math.max(0, i - 1)];
    if (next) {
      void selectClaim(next.id);
      document.getElementById(`claim-row-${next.id}`)?.scrollIntoView?.({ block: 'nearest' });
    }
  };

  if (claims.length === 0) {
    return (
      <p className="list-empty">
        {status === 'loading'
          ? 'Loading claims…'
          : 'No claims yet. Select a passage in an article and press T to tag one.'}
      </p>
    );
  }
  return (
    <div className="claims-scroll" tabIndex={0} onKeyDown={onKeyDown} aria-label="Claims table">
      <table className="claims-table">
        <thead>
          <tr>
            {table.getFlatHeaders().map((h) => (
              <th
                key={h.id}
                className={`col--${h.id}${isStanceColumn(h.id) ? ' col--count' : ''}`}
                aria-sort={ariaSort(h.column.getIsSorted())}
                scope="col"
              >
                <button
                  type="button"
                  className="sort-button"
                  onClick={h.column.getToggleSortingHandler()}
                  data-testid={`claim-sort-${h.id}`}
                >
                  {isStanceColumn(h.id) && (
                    <span className={`legend-swatch hl--${h.id}`} aria-hidden="true" />
                  )}
                  {flexRender(h.column.columnDef.header, h.getContext())}
                  <SortIndicator dir={h.column.getIsSorted()} />
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.id}
              id={`claim-row-${row.id}`}
              data-testid="claim-row"
              data-claim-id={row.id}
              aria-selected={row.id === selectedId}
              className={row.id === selectedId ? 'is-selected' : undefined}
              onClick={() => void selectClaim(row.id)}
            >
              {row.getVisibleCells().map((cell) => {
                const id = cell.column.id;
                const value = cell.getValue();
                const testId =
                  id === 'sources' ? 'claim-sources' : isStanceColumn(id) ? `claim-count-${id}` : undefined;
                const muted = typeof value === 'number' && value === 0;
                return (
                  <td
                    key={cell.id}
                    data-testid={testId}
                    className={`col--${id}${isStanceColumn(id) || id === 'sources' ? ' col--count' : ''}${muted ? ' is-zero' : ''}`}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="list-empty">No claims match “{filter}”.</p>}
    </div>
  );
}
