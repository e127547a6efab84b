// "?" → the keyboard shortcuts.
import { useAppStore } from '../state/store-context';
import { SHORTCUTS } from './use-global-shortcuts';

export function HelpPopover() {
  const open = useAppStore((s) => s.helpOpen);
  const setOpen = useAppStore((s) => s.setHelpOpen);
  return (
    <div className="menu">
      <button
        type="button"
        className="button button--round"
        aria-label="Keyboard shortcuts"
        aria-expanded={open}
        title="Keyboard shortcuts (?)"
        data-testid="help-button"
        onClick={() => setOpen(!open)}
      >
        ?
      </button>
      {open && (
        <div className="popover" role="dialog" aria-label="Keyboard shortcuts" data-testid="help-popover">
          <div className="popover-head">
            <strong>Keyboard shortcuts</strong>
            <button type="button" className="link-button" onClick={() => setOpen(false)} aria-label="Close">
              ×
            </button>
          </div>
          <dl className="shortcuts">
            {SHORTCUTS.map((s) => (
              <div key={s.keys}>
                <dt>
                  <kbd>{s.keys}</kbd>
                </dt>
                <dd>{s.what}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </div>
  );
}
