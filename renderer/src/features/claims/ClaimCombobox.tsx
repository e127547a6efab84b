// Claim typeahead: type to filter existing claims, ↑/↓ + Enter or click to pick one; otherwise the typed
// text becomes a new claim. Enter with no option highlighted submits the surrounding form.
import { useId, useMemo, useState } from 'react';
import type { ClaimSummary } from '../../../../shared/domain/types';
import { useAppStore } from '../../state/store-context';
import { findClaimByText, matchClaims } from '../../state/selectors';

interface Props {
  query: string;
  picked: ClaimSummary | null;
  onQueryChange(query: string): void;
  onPick(claim: ClaimSummary): void;
  onSubmit(): void;
  autoFocus?: boolean;
  inputTestId?: string;
  optionTestId?: string;
  label?: string;
}

export function ClaimCombobox({
  query,
  picked,
  onQueryChange,
  onPick,
  onSubmit,
  autoFocus,
  inputTestId = 'claim-input',
  optionTestId = 'claim-option',
  label = 'Claim',
}: Props) {
  const claims = useAppStore((s) => s.claims);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const options = useMemo(() => (picked ? [] : matchClaims(claims, query)), [claims, query, picked]);
  const showList = open && options.length > 0;
  const existing = picked ?? findClaimByText(claims, query);

  const pick = (c: ClaimSummary) => {
    onPick(c);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (options.length === 0) return;
      e.preventDefault();
      setOpen(true);
      const last = options.length - 1;
      if (e.key === 'ArrowDown') setActive((i) => (i >= last ? 0 : i + 1));
      else setActive((i) => (i <= 0 ? last : i - 1));
    } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !e.shiftKey && !e.altKey) {
      e.preventDefault();
      const option = showList && active >= 0 ? options[active] : undefined;
      if (option) pick(option);
      else onSubmit();
    }
  };

  return (
    <div className="combobox">
      <label className="field-label" htmlFor={`${listId}-input`}>
        {label}
      </label>
      <input
        id={`${listId}-input`}
        className="input"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
        data-testid={inputTestId}
        autoFocus={autoFocus}
        autoComplete="off"
        placeholder="Type to find a claim, or word a new one"
        value={query}
        onChange={(e) => {
          onQueryChange(e.currentTarget.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {showList && (
        <ul className="combobox-list" role="listbox" id={listId} aria-label="Existing claims">
          {options.map((c, i) => (
            <li
              key={c.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              data-testid={optionTestId}
              className={i === active ? 'is-active' : undefined}
              // mousedown, not click: the input's blur would close the list before a click lands.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(c);
              }}
            >
              <span className="option-text">{c.text}</span>
              <span className="option-meta">
                {c.speaker && `${c.speaker} · `}
                {c.sourceCount} source{c.sourceCount === 1 ? '' : 's'}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="field-hint" data-testid="claim-mode">
        {existing
          ? `Existing claim · ${existing.sourceCount} source${existing.sourceCount === 1 ? '' : 's'}`
          : query.trim()
            ? 'New claim — or pick an existing one above'
            : 'Required'}
      </p>
    </div>
  );
}
