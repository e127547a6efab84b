// Shown while files are dragged over the window. It lets pointer events through, so dragleave/dragenter
// keep coming from the elements underneath.
export function DropOverlay() {
  return (
    <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
      <div className="drop-overlay-box">Drop articles to import</div>
    </div>
  );
}
