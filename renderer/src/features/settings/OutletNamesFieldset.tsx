// The library's own outlet names in the settings dialog: which outlet publishes at a domain, over the
// built-in registry. Rows can be renamed or removed, and a domain added; nothing is sent until the dialog's
// Save, which sends only what changed (see outletNamesChange). Stored articles from a renamed domain follow.
import { useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { OUTLETS, lookupOutletName, normalizeHost } from '../../../../shared/domain/outlet-registry';

export interface OutletRow {
  domain: string;
  name: string;
}

/** What Save sends: names removed (null), then added or changed; null when nothing changed. */
export function outletNamesChange(
  saved: Readonly<Record<string, string>>,
  rows: readonly OutletRow[],
): Array<{ domain: string; name: string | null }> | null {
  const change: Array<{ domain: string; name: string | null }> = [];
  const now = new Map(rows.map((r) => [r.domain, r.name.trim()]));
  for (const domain of Object.keys(saved)) if (!now.has(domain)) change.push({ domain, name: null });
  for (const [domain, name] of now) if (name && saved[domain] !== name) change.push({ domain, name });
  return change.length ? change : null;
}

/** Why a row cannot be saved, or null. */
export const rowError = (r: OutletRow) => (r.name.trim() ? null : 'Enter a name or remove the row.');

const BUILT_IN = Object.keys(OUTLETS).length;

export function OutletNamesFieldset({
  rows,
  onChange,
}: {
  rows: readonly OutletRow[];
  onChange(rows: OutletRow[]): void;
}) {
  const [domain, setDomain] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const normalized = normalizeHost(domain);
  const builtIn = normalized ? lookupOutletName(normalized) : null;

  const add = () => {
    if (!normalized)
      return setError(
        domain.trim() ? `"${domain.trim()}" is not a domain name such as example.org.` : 'Enter a domain.',
      );
    if (!name.trim()) return setError('Enter the outlet’s name.');
    const rest = rows.filter((r) => r.domain !== normalized);
    onChange(
      [...rest, { domain: normalized, name: name.trim() }].sort((a, b) => (a.domain < b.domain ? -1 : 1)),
    );
    setDomain('');
    setName('');
    setError(null);
  };
  // Typing in the add fields clears the last error; Enter adds the row instead of submitting the dialog.
  const typing = (set: (v: string) => void) => (e: ChangeEvent<HTMLInputElement>) => {
    set(e.target.value);
    setError(null);
  };
  const onEnter = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    }
  };

  return (
    <fieldset className="settings-fieldset" data-testid="outlet-names">
      <legend>Outlet names</legend>
      <p className="settings-hint">
        Which outlet publishes at a domain, for this library, over the {BUILT_IN} built in. Articles already
        stored from the domain take the new name.
      </p>
      {rows.length > 0 && (
        <ul className="outlet-rows" aria-label="This library's outlet names">
          {rows.map((r, i) => (
            <li key={r.domain} className="outlet-row" data-testid="outlet-row" data-domain={r.domain}>
              <span className="outlet-domain">{r.domain}</span>
              <input
                className="input"
                aria-label={`Name for ${r.domain}`}
                value={r.name}
                aria-invalid={rowError(r) !== null}
                onChange={(e) => onChange(rows.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))}
              />
              <button
                type="button"
                className="link-button"
                aria-label={`Remove ${r.domain}`}
                data-testid="outlet-remove"
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="outlet-row outlet-row--add">
        <input
          className="input"
          placeholder="domain, e.g. ilfogliettone.it"
          aria-label="Domain"
          data-testid="outlet-add-domain"
          value={domain}
          onChange={typing(setDomain)}
          onKeyDown={onEnter}
        />
        <input
          className="input"
          placeholder={builtIn ? `built in: ${builtIn.name}` : 'outlet name'}
          aria-label="Outlet name"
          data-testid="outlet-add-name"
          value={name}
          onChange={typing(setName)}
          onKeyDown={onEnter}
        />
        <button type="button" className="button" data-testid="outlet-add" onClick={add}>
          Add
        </button>
      </div>
      {error && (
        <p className="settings-field-error" role="alert" data-testid="outlet-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
