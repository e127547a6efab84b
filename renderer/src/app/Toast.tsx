// Short confirmations ("Undone: …"), gone after a few seconds.
import { useEffect } from 'react';
import { useAppStore } from '../state/store-context';

const TOAST_MS = 4000;

export function Toast() {
  const toast = useAppStore((s) => s.toast);
  const dismiss = useAppStore((s) => s.dismissToast);
  useEffect(() => {
    if (!toast) return;
    const t = setTimeout(dismiss, TOAST_MS);
    return () => clearTimeout(t);
  }, [toast, dismiss]);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div className="toast" data-testid="toast" key={toast.id}>
          {toast.message}
        </div>
      )}
    </div>
  );
}
