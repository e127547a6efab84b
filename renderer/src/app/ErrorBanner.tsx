// API errors, shown with the message exactly as the main side gave it.
import { useAppStore } from '../state/store-context';

export function ErrorBanner() {
  const error = useAppStore((s) => s.error);
  const dismiss = useAppStore((s) => s.dismissError);
  if (!error) return null;
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <span className="error-text">{error.message}</span>
      <button
        type="button"
        className="link-button"
        onClick={dismiss}
        aria-label="Dismiss error"
        data-testid="dismiss-error"
      >
        Dismiss
      </button>
    </div>
  );
}
