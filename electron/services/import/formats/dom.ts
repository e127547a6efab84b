// The part of the DOM the page, e-mail and Word extractors walk. Pages are parsed with linkedom, a DOM for Node;
// the Node side is type-checked without the browser's DOM types (tsconfig.node.json), so that no service leans
// on a browser global Node lacks. These interfaces name what the extractors rely on, and parsePage() is the one
// place where linkedom's document is taken as one.
import { parseHTML } from 'linkedom';

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;
/** NodeFilter.SHOW_COMMENT, for createTreeWalker. */
export const SHOW_COMMENT = 128;

export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly nodeValue: string | null;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly parentNode: DomNode | null;
  removeChild(child: DomNode): unknown;
}

export interface DomElement extends DomNode {
  readonly id: string;
  readonly localName: string;
  readonly tagName: string;
  readonly children: ArrayLike<DomElement>;
  readonly parentElement: DomElement | null;
  readonly firstChild: DomNode | null;
  readonly firstElementChild: DomElement | null;
  readonly nextElementSibling: DomElement | null;
  getAttribute(name: string): string | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement> & Iterable<DomElement>;
  insertBefore(node: DomNode, child: DomNode | null): unknown;
  remove(): void;
}

export interface DomDocument {
  readonly documentElement: DomElement | null;
  readonly body: DomElement | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement> & Iterable<DomElement>;
  createTreeWalker(root: DomNode, whatToShow: number): { nextNode(): DomNode | null };
  createTextNode(text: string): DomNode;
}

/** A page's source as a document. linkedom runs no scripts and fetches nothing, whatever the page contains. */
export function parsePage(html: string): DomDocument {
  return parseHTML(html).document as unknown as DomDocument;
}
