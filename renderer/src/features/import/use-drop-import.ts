// The whole window accepts dragged files and folders. Returns whether a file drag is over the window.
import { useEffect, useState } from 'react';
import { collectDroppedFiles, dragHasFiles, snapshotDataTransfer } from './drop-files';

export function useDropImport(onFiles: (files: File[]) => void, onError: (err: unknown) => void): boolean {
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    // dragenter/dragleave fire for every child element crossed; counting them tells when the drag left the window.
    let depth = 0;
    const reset = () => {
      depth = 0;
      setDragging(false);
    };
    const onEnter = (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const onOver = (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer)) return;
      // Without preventDefault the browser would navigate to the dropped file.
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer) || !e.dataTransfer) return;
      e.preventDefault();
      reset();
      // Entries must be taken now: the DataTransfer is emptied once this handler returns.
      const snapshot = snapshotDataTransfer(e.dataTransfer);
      collectDroppedFiles(snapshot).then((files) => {
        if (files.length > 0) onFiles(files);
      }, onError);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    window.addEventListener('dragend', reset);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
      window.removeEventListener('dragend', reset);
    };
  }, [onFiles, onError]);

  return dragging;
}
