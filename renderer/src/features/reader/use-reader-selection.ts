// Follows the document selection and, when it lies in the reader, stores it as code point offsets of the
// stored text. A selection elsewhere (e.g. the caret in the tag form) leaves the last one in place; a
// click in the reader that collapses the selection clears it.
import { useEffect, type RefObject } from 'react';
import { selectionFromRange } from './selection-offsets';
import { useAppStoreApi } from '../../state/store-context';

export function useReaderSelection(
  rootRef: RefObject<HTMLElement | null>,
  articleId: string | null,
  storedText: string,
): void {
  const store = useAppStoreApi();
  useEffect(() => {
    if (!articleId) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      const root = rootRef.current;
      const sel = document.getSelection();
      if (!root || !sel || sel.rangeCount === 0) return;
      const range = sel.getRangeAt(0);
      const { setSelection, selection } = store.getState();
      if (sel.isCollapsed) {
        if (selection && sel.anchorNode && root.contains(sel.anchorNode)) setSelection(null);
        return;
      }
      if (!range.intersectsNode(root)) return;
      const next = selectionFromRange(range, root, storedText);
      if (!next) {
        if (selection) setSelection(null);
        return;
      }
      if (
        selection &&
        selection.articleId === articleId &&
        selection.start === next.start &&
        selection.end === next.end
      )
        return;
      setSelection({ ...next, articleId });
    };
    // selectionchange fires per pixel of a drag; reading once per frame is plenty.
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    const root = rootRef.current;
    document.addEventListener('selectionchange', schedule);
    // mouseup/keyup read at once, so a quick "select, press T" never sees a stale selection.
    root?.addEventListener('mouseup', read);
    root?.addEventListener('keyup', read);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', schedule);
      root?.removeEventListener('mouseup', read);
      root?.removeEventListener('keyup', read);
    };
  }, [rootRef, articleId, storedText, store]);
}
