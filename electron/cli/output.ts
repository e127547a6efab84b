// What the command line writes: report lines on stdout (one per file, tab-separated), messages and the import
// progress on stderr.

export type Out = {
  log: (s: string) => void;
  err: (s: string) => void;
  /** stderr is a terminal: import then shows its progress without --progress, on one line rewritten in place. */
  isTTY?: boolean;
  /** Writes raw text to stderr (for the progress line); defaults to err. */
  errRaw?: (s: string) => void;
  /** Writes raw text to stdout (an export without --out); defaults to log. */
  outRaw?: (s: string) => void;
};

export const defaultOut: Out = {
  log: (s) => console.log(s),
  err: (s) => console.error(s),
  isTTY: Boolean(process.stderr.isTTY),
  errRaw: (s) => void process.stderr.write(s),
  outRaw: (s) => void process.stdout.write(s),
};

const ESCAPES: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * One field of an import report line. File names may hold tabs and line breaks ("a\nb.txt" is a valid name,
 * and so is a zip entry's): control characters are written as escapes so that every report stays one line of
 * tab-separated fields.
 */
export function reportField(s: string): string {
  return s.replace(CONTROL, (c) => ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
const CONTROL = /[\x00-\x1f\x7f]/g;

export const mbText = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/**
 * Import progress on stderr about once a second (stdout stays one line per file): files done of the total,
 * rate, time left and the batch being read or stored. On a terminal the line is rewritten in place and
 * cleared at the end; a log gets the final count.
 */
export function startProgress(total: number, out: Out, intervalMs = 1000, now: () => number = Date.now) {
  const started = now();
  let done = 0;
  let current = '';
  let shown = false;
  const tty = Boolean(out.isTTY && out.errRaw);
  const line = () => {
    const secs = (now() - started) / 1000;
    const rate = secs > 0 && done > 0 ? done / secs : 0;
    const eta = rate > 0 ? Math.ceil((total - done) / rate) : null;
    const pct = total ? Math.floor((done / total) * 100) : 100;
    return `import: ${done}/${total} files (${pct} %)${rate ? `, ${rate.toFixed(1)} files/s` : ''}${eta !== null && done < total ? `, about ${eta} s left` : ''}${current && done < total ? ` — ${current}` : ''}`;
  };
  const print = () => {
    shown = true;
    if (tty) out.errRaw!(`\r\x1b[K${line()}`);
    else out.err(line());
  };
  const timer = setInterval(print, intervalMs);
  timer.unref?.();
  return {
    /** Files answered so far, and what is being read or stored now. */
    update(status: { done: number; current: string }) {
      done = status.done;
      current = status.current;
    },
    /** Take the progress line off a terminal before a report line is written (it is redrawn on the next tick). */
    clear() {
      if (tty && shown) out.errRaw!('\r\x1b[K');
      shown = false;
    },
    stop() {
      clearInterval(timer);
      if (!tty) print();
      else if (shown) out.errRaw!('\r\x1b[K');
    },
  };
}
