// Rendering the whole app against a FakeApi, and the layout jsdom lacks (the virtualised list needs a height).
import { afterEach, beforeEach, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Workbench } from '../../renderer/src/app/Workbench';
import { createAppStore } from '../../renderer/src/state/store';
import type { FakeApi } from './fake-api';

/** Render the app and let its start-up calls (app.info, articles.list, claims.list) settle. */
export async function renderApp(api: FakeApi) {
  const store = createAppStore(api);
  const user = userEvent.setup();
  const utils = render(<Workbench client={api} store={store} />);
  await settle();
  return { ...utils, store, user };
}

/** Let pending fake API calls and the state updates they cause finish, inside act(). */
export async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

/**
 * jsdom lays nothing out; give elements a viewport so the virtualiser renders rows, and a working
 * scrollTo/scrollTop so scrolling to a row moves the rendered window.
 */
export function mockViewport(height = 600, width = 800): () => void {
  const proto = HTMLElement.prototype;
  const names = ['clientHeight', 'clientWidth', 'scrollHeight', 'scrollTop', 'scrollTo'] as const;
  const saved = names.map(
    (n) =>
      [
        n,
        Object.getOwnPropertyDescriptor(proto, n) ?? Object.getOwnPropertyDescriptor(Element.prototype, n),
      ] as const,
  );
  const tops = new WeakMap<HTMLElement, number>();
  Object.defineProperty(proto, 'clientHeight', { configurable: true, get: () => height });
  Object.defineProperty(proto, 'clientWidth', { configurable: true, get: () => width });
  Object.defineProperty(proto, 'scrollHeight', { configurable: true, get: () => 1e8 });
  Object.defineProperty(proto, 'scrollTop', {
    configurable: true,
    get(this: HTMLElement) {
      return tops.get(this) ?? 0;
    },
    set(this: HTMLElement, v: number) {
      tops.set(this, v);
    },
  });
  Object.defineProperty(proto, 'scrollTo', {
    configurable: true,
    writable: true,
    value(this: HTMLElement, opts: ScrollToOptions) {
      tops.set(this, opts.top ?? 0);
      this.dispatchEvent(new Event('scroll'));
    },
  });
  return () => {
    for (const [n, d] of saved) {
      if (d) Object.defineProperty(proto, n, d);
      else delete (proto as unknown as Record<string, unknown>)[n];
    }
  };
}

/** A laid-out viewport (mockViewport) for every test of the file, put back after each; `restoreMocks` also restores vi mocks. */
export function useMockedViewport(opts: { restoreMocks?: boolean } = {}): void {
  let restore: () => void = () => {};
  beforeEach(() => {
    restore = mockViewport();
  });
  afterEach(() => {
    restore();
    if (opts.restoreMocks) vi.restoreAllMocks();
  });
}

/**
 * Select `needle` in the reader block that starts at code point `blockStart` the way a user would (a DOM range,
 * then the mouse released there); `before` characters ahead of it come along (a stray space to be trimmed).
 */
export function selectInReader(blockStart: number, needle: string, before = 0): void {
  const block = screen.getByTestId('reader').querySelector(`[data-block-start="${blockStart}"]`)!;
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let node = walker.nextNode() as Text | null;
  while (node && !node.data.includes(needle)) node = walker.nextNode() as Text | null;
  if (!node) throw new Error(`not in the reader: ${needle}`);
  const at = node.data.indexOf(needle);
  const range = document.createRange();
  range.setStart(node, at - before);
  range.setEnd(node, at + needle.length);
  const sel = window.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
  fireEvent.mouseUp(block);
}
