// The library's settings, from the header's gear button (or Ctrl/⌘+,): the largest file an import reads,
// for PDFs and for everything else, and the library's own outlet names. Sizes are megabytes within the range
// the API accepts; the main side checks everything again, and its error is shown here as it comes.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import {
  IMPORT_SIZE_LIMIT_MAX_BYTES,
  IMPORT_SIZE_LIMIT_MIN_BYTES,
  type ImportSizeLimits,
} from '../../../../shared/api/rpc';
import { useAppStore } from '../../state/store-context';
import { OutletNamesFieldset, outletNamesChange, rowError, type OutletRow } from './OutletNamesFieldset';

const MB = 1024 * 1024;
const MIN_MB = IMPORT_SIZE_LIMIT_MIN_BYTES / MB;
const MAX_MB = IMPORT_SIZE_LIMIT_MAX_BYTES / MB;
const toMb = (bytes: number) => String(Math.round((bytes / MB) * 10) / 10);

/** A field's value in bytes, or why it cannot be used. */
export function parseMb(text: string): { bytes: number } | { error: string } {
  const t = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return { error: 'Enter a number of megabytes.' };
  const mb = Number(t);
  if (mb < MIN_MB || mb > MAX_MB) return { error: `Enter ${MIN_MB}–${MAX_MB} MB.` };
  return { bytes: Math.round(mb * MB) };
}

const FIELDS = [
  { key: 'maxPdfBytes', label: 'PDF files', testId: 'settings-max-pdf-mb' },
  { key: 'maxBytes', label: 'Every other file', testId: 'settings-max-file-mb' },
] as const;

export function SettingsDialog() {
  const view = useAppStore((s) => s.settingsView);
  const saving = useAppStore((s) => s.settingsSaving);
  const error = useAppStore((s) => s.settingsError);
  const close = useAppStore((s) => s.closeSettings);
  const save = useAppStore((s) => s.saveSettings);
  const [text, setText] = useState<Record<keyof ImportSizeLimits, string> | null>(null);
  const [outlets, setOutlets] = useState<OutletRow[]>([]);
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (view && !text) {
      setText({
        maxBytes: toMb(view.settings.importLimits.maxBytes),
        maxPdfBytes: toMb(view.settings.importLimits.maxPdfBytes),
      });
      setOutlets(Object.entries(view.settings.outletNames).map(([domain, name]) => ({ domain, name })));
    }
  }, [view, text]);
  // Focus the first field once, when the values arrive (not on every keystroke).
  const ready = text !== null;
  useEffect(() => {
    if (ready) first.current?.focus();
  }, [ready]);

  const parsed = text ? { maxBytes: parseMb(text.maxBytes), maxPdfBytes: parseMb(text.maxPdfBytes) } : null;
  const valid =
    parsed &&
    'bytes' in parsed.maxBytes &&
    'bytes' in parsed.maxPdfBytes &&
    outlets.every((r) => rowError(r) === null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!valid || !parsed || !('bytes' in parsed.maxBytes) || !('bytes' in parsed.maxPdfBytes) || !view)
      return;
    const outletNames = outletNamesChange(view.settings.outletNames, outlets);
    void save({
      importLimits: { maxBytes: parsed.maxBytes.bytes, maxPdfBytes: parsed.maxPdfBytes.bytes },
      ...(outletNames ? { outletNames } : {}),
    });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };

  return (
    <div
      className="popover settings-popover"
      role="dialog"
      aria-label="Library settings"
      data-testid="settings-dialog"
      onKeyDown={onKeyDown}
    >
      <div className="popover-head">
        <strong>Library settings</strong>
        <button type="button" className="link-button" onClick={close} aria-label="Close">
          ×
        </button>
      </div>
      {view?.notice && (
        <p className="settings-notice" role="status" data-testid="settings-notice">
          {view.notice}
        </p>
      )}
      {!text && !error && <p className="settings-hint">Loading…</p>}
      {text && view && parsed && (
        <form onSubmit={onSubmit} noValidate>
          <fieldset className="settings-fieldset">
            <legend>Largest file an import reads</legend>
            {FIELDS.map((f, i) => {
              const p = parsed[f.key];
              const id = `${f.testId}-input`;
              return (
                <div className="settings-row" key={f.key}>
                  <label htmlFor={id}>{f.label}</label>
                  <input
                    id={id}
                    ref={i === 0 ? first : undefined}
                    type="text"
                    inputMode="decimal"
                    className="input settings-input"
                    data-testid={f.testId}
                    value={text[f.key]}
                    aria-invalid={'error' in p}
                    aria-describedby={`${id}-hint`}
                    onChange={(e) => setText({ ...text, [f.key]: e.target.value })}
                  />
                  <span>MB</span>
                  <span id={`${id}-hint`} className={'error' in p ? 'settings-field-error' : 'settings-hint'}>
                    {'error' in p ? p.error : `default ${toMb(view.defaults.importLimits[f.key])} MB`}
                  </span>
                </div>
              );
            })}
          </fieldset>
          <p className="settings-hint">
            Larger files are refused by name, without being read. Applies to the next import; this library
            only.
          </p>
          <OutletNamesFieldset rows={outlets} onChange={setOutlets} />
          {error && (
            <p className="settings-field-error" role="alert" data-testid="settings-error">
              {error}
            </p>
          )}
          <div className="settings-actions">
            <button
              type="button"
              className="button"
              data-testid="settings-defaults"
              onClick={() =>
                setText({
                  maxBytes: toMb(view.defaults.importLimits.maxBytes),
                  maxPdfBytes: toMb(view.defaults.importLimits.maxPdfBytes),
                })
              }
            >
              Default sizes
            </button>
            <span className="settings-spacer" />
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
            <button
              type="submit"
              className="button button--primary"
              data-testid="settings-save"
              disabled={!valid || saving}
            >
              {saving ? 'Saving…' : 'Save'}
            </button>
          </div>
        </form>
      )}
      {!text && error && (
        <p className="settings-field-error" role="alert" data-testid="settings-error">
          {error}
        </p>
      )}
    </div>
  );
}
