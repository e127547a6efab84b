// Window-wide keyboard shortcuts. Single-key shortcuts are ignored while typing, and Ctrl/Cmd+Z inside a
// text field stays the field's own undo.
import { useEffect } from 'react';
import { useAppStoreApi } from '../state/store-context';

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || !(target instanceof Element)) return false;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'range', 'color'].includes(
      target.type,
    );
  }
  return (target as HTMLElement).isContentEditable === true;
}

export const SHORTCUTS: ReadonlyArray<{ keys: string; what: string }> = [
  { keys: '↑ / ↓', what: 'Move in the article or claim list' },
  { keys: 'Home / End, PgUp / PgDn', what: 'Jump in the list' },
  { keys: 'Enter', what: 'Open the highlighted article' },
  { keys: '/', what: 'Filter the article list' },
  { keys: 'T  or  Ctrl/⌘+Shift+T', what: 'Tag the selected passage as a claim' },
  { keys: 'Enter (claim box)', what: 'Pick the highlighted claim, or save' },
  { keys: 'Esc', what: 'Cancel the form, close menus' },
  { keys: 'Ctrl/⌘+Z', what: 'Undo the last annotation change or claim deletion' },
  { keys: 'Ctrl/⌘+Shift+Z, Ctrl+Y', what: 'Redo' },
  { keys: 'Ctrl/⌘+,', what: 'Library settings (size limits, outlet names)' },
  { keys: 'Ctrl/⌘+O, Ctrl/⌘+Shift+O', what: 'Import files, a folder (desktop app)' },
  { keys: '?', what: 'Show this help' },
];

export function useGlobalShortcuts(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const tag = () => store.getState().view === 'articles' && store.getState().startTagging();
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const s = store.getState();
      const mod = e.ctrlKey || e.metaKey;
      const typing = isTypingTarget(e.target);
      const key = e.key.toLowerCase();
      if (mod && !e.altKey && (key === 'z' || (key === 'y' && !e.shiftKey))) {
        if (typing) return;
        e.preventDefault();
        if (key === 'y' || e.shiftKey) void s.redo();
        else void s.undo();
        return;
      }
      if (mod && !e.shiftKey && !e.altKey && e.key === ',') {
        e.preventDefault();
        if (s.settingsOpen) s.closeSettings();
        else void s.openSettings();
        return;
      }
      if (mod && e.shiftKey && !e.altKey && key === 't') {
        e.preventDefault();
        tag();
        return;
      }
      if (typing || mod || e.altKey) return;
      if (e.key === 't' || e.key === 'T') {
        if (tag()) e.preventDefault();
      } else if (e.key === '?') {
        e.preventDefault();
        s.setHelpOpen(!s.helpOpen);
      } else if (e.key === '/' && s.view === 'articles') {
        const filter = document.querySelector<HTMLInputElement>('[data-testid="article-filter"]');
        if (filter) {
          e.preventDefault();
          filter.focus();
          filter.select();
        }
      } else if (e.key === 'Escape') {
        if (s.settingsOpen) s.closeSettings();
        else if (s.helpOpen) s.setHelpOpen(false);
        else if (s.tagging) s.cancelTagging();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
