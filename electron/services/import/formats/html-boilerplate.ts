// Boilerplate that Readability keeps inside the article it picks, removed from its content element before the
// text is read (html-text.ts). Readability drops whole blocks whose class or id looks like a sidebar, but only
// outside anything named "article" or "content", so the share bar of "article-share", the tag list of
// "article__tags", the breadcrumbs above the headline and the "related stories" box at the foot of the story
// stay in, as do the photo captions (which it keeps on purpose). Analysts tag evidence in the body text, so:
// - navigation, share bars, breadcrumbs, tag lists and "related" boxes go, recognised by structure (the element,
//   its role, or a word of its class, id or aria-label) and only when they are short or mostly links, so that a
//   wrapper named "social-story" around the whole article is never taken for a share bar;
// - captions and photo credits (<figcaption>, "caption"/"credit" classes) leave the body for the article's
//   captions, each caption with its credit;
// - a link printed twice ("Ilhan OmarIlhan Omar": the name, then the same name from a hover card) keeps one.
// Lines that carry no such structure are handled by text cues in html-boilerplate-lines.ts. Hand-written: the
// extraction libraries for Node (Readability, metascraper) do not do this, and the DOM is already in hand.
import { cleanInline } from '../text/line-helpers';
import { ELEMENT_NODE, TEXT_NODE, type DomElement, type DomNode } from './dom';

type Kind = 'nav' | 'share' | 'crumbs' | 'tags' | 'related' | 'promo' | 'caption' | 'credit';

/** Words of a class, id or aria-label naming each kind (the words of "c-share-bar", "articleTags"…). */
const WORDS: ReadonlyArray<[Kind, ReadonlySet<string>]> = [
  ['crumbs', new Set(['breadcrumb', 'breadcrumbs', 'crumbs', 'crumb', 'brotkrumen', 'briciole'])],
  [
    'share',
    new Set([
      'share',
      'shares',
      'sharing',
      'sharebar',
      'sharetools',
      'social',
      'socials',
      'addthis',
      'sharethis',
      'shareaholic',
      'condividi',
      'teilen',
      'partage',
      'compartir',
    ]),
  ],
  ['nav', new Set(['nav', 'navbar', 'navigation', 'menu', 'menubar', 'skiplink'])],
  ['tags', new Set(['tags', 'tag', 'taglist', 'tagcloud', 'keywords', 'topics', 'argomenti', 'schlagworte'])],
  [
    'related',
    new Set([
      'related',
      'relacionadas',
      'correlati',
      'recommended',
      'recommendations',
      'readmore',
      'morestories',
      'outbrain',
      'taboola',
      'mostread',
      'mostpopular',
    ]),
  ],
  [
    'promo',
    new Set(['newsletter', 'newsletters', 'subscribe', 'subscription', 'signup', 'paywall', 'promo']),
  ],
  ['caption', new Set(['caption', 'figcaption', 'legend', 'legende', 'didascalia', 'bildunterschrift'])],
  ['credit', new Set(['credit', 'credits', 'photocredit', 'imagecredit', 'fotocredit'])],
];

/** Each word of WORDS → the index of its kind there (the first kind wins when a name has words of several). */
const KIND_OF = new Map<string, number>();
WORDS.forEach(([, set], i) => set.forEach((w) => KIND_OF.has(w) || KIND_OF.set(w, i)));

/**
 * A cheap first look at a class, id or itemprop: it holds one of WORDS' words, or the first part of a two-word
 * name ("read-more", "most-read", "photo-credit"). Most elements of an article have no such name.
 */
const NAME_HINT = new RegExp(
  [...KIND_OF.keys(), 'read', 'more', 'most', 'photo', 'image', 'foto'].join('|'),
  'i',
);

const MODIFIERS = new Set(['no', 'has', 'with', 'without', 'not']);

/** "Share on Twitter", "Condividi su Facebook": an aria-label or title of this shape names a share control. */
const SHARE_LABEL = /\b(?:share|condividi|teilen|partager|compartir|tweet)\b/i;

/** The lower-case words of a class, id or label: split at spaces, "-", "_" and camelCase humps. */
function wordsOf(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** What the element's own markup says it is, or null. */
function kindOf(el: DomElement, name: string): Kind | null {
  if (name === 'nav') return 'nav';
  if (name === 'figcaption') return 'caption';
  if (el.getAttribute('role') === 'navigation') return 'nav';
  const cls = el.getAttribute('class');
  const label = el.getAttribute('aria-label');
  const names = `${cls ?? ''} ${el.id} ${el.getAttribute('itemprop') ?? ''}`;
  /** The first of WORDS' kinds that a word names. */
  let best = Infinity;
  if (names.length > 2 && NAME_HINT.test(names))
    for (const token of names.split(/\s+/)) {
      if (!token) continue;
      const w = wordsOf(token);
      // "no_caption", "has-share", "with-tags" describe what a block holds, not what it is.
      if (w.some((x) => MODIFIERS.has(x))) continue;
      for (let i = 0; i < w.length; i++) {
        best = Math.min(best, KIND_OF.get(w[i]!) ?? Infinity);
        // Two-word names: "read-more", "more-stories", "photo-credit".
        if (i > 0) best = Math.min(best, KIND_OF.get(w[i - 1]! + w[i]!) ?? Infinity);
      }
    }
  if (best < Infinity) return WORDS[best]![0];
  if (label && SHARE_LABEL.test(label)) return 'share';
  if (label && /breadcrumb/i.test(label)) return 'crumbs';
  return null;
}

/** Letters and digits of the element's text, and those inside links. */
function textAndLinkLength(el: DomElement): { text: number; link: number } {
  let text = 0;
  let link = 0;
  const stack: Array<{ node: DomElement; inLink: boolean }> = [{ node: el, inLink: false }];
  while (stack.length > 0) {
    const { node, inLink } = stack.pop()!;
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) {
      const kid = kids[i]!;
      if (kid.nodeType === TEXT_NODE) {
        const n = (kid.nodeValue ?? '').replace(/[^\p{L}\p{N}]/gu, '').length;
        text += n;
        if (inLink) link += n;
      } else if (kid.nodeType === ELEMENT_NODE) {
        const k = kid as DomElement;
        stack.push({ node: k, inLink: inLink || k.localName === 'a' });
      }
    }
  }
  return { text, link };
}

/**
 * A caption's text: its text nodes in order, with a space after a sentence that ends where an element ends
 * ("…underground.</span><span>Credit…"). Words glued across elements stay glued, as the page's own text
 * (and Readability's) has them.
 */
function plainText(el: DomElement): string {
  let out = '';
  const stack: DomNode[] = [el];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      const t = node.nodeValue ?? '';
      out += /[.!?:;,)]$/u.test(out) && /^\p{L}/u.test(t) ? ` ${t}` : t;
    } else if (node.nodeType === ELEMENT_NODE && !SKIPPED.has((node as DomElement).localName))
      for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  return cleanInline(out.replace(/\s+/g, ' '));
}
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'button', 'svg']);

/**
 * A block to drop: short, or made mostly of links. Nothing holding a fifth of the article's text is ever
 * dropped: a class word can name a wrapper ("social-story") as well as a widget.
 */
function isRemovable(kind: Kind, el: DomElement, total: number): boolean {
  const { text, link } = textAndLinkLength(el);
  if (text === 0) return true;
  if (text > total * 0.2 && text > 200) return false;
  // A caption is a line or two under a picture, never a heading or several paragraphs.
  if (kind === 'caption' || kind === 'credit')
    return text <= 600 && !el.querySelector('h1, h2, h3, h4, h5, h6, li, blockquote');
  if (kind === 'related') return link >= text * 0.5;
  // A sign-up box: a title, a sentence or two and a button.
  if (kind === 'promo') return text <= 400;
  return link >= text * 0.5 || text <= 120;
}

/** "Ilhan OmarIlhan Omar": the text is one name twice, glued or spaced. Returns the name, or null. */
export function doubledName(text: string): string | null {
  const t = text.trim();
  for (const gap of [0, 1]) {
    if ((t.length - gap) % 2 !== 0) continue;
    const half = (t.length - gap) / 2;
    const a = t.slice(0, half);
    if (half >= 3 && /\p{L}/u.test(a) && a === t.slice(half + gap) && (gap === 0 || t[half] === ' '))
      return a;
  }
  return null;
}

/** Keeps the first copy of a name a hover card printed again inside its link. */
function undoubleLink(a: DomElement): void {
  const name = doubledName(a.textContent ?? '');
  if (!name) return;
  // The card is an element of the link whose text is the name, after the name's first copy.
  const kids = Array.from(a.querySelectorAll('*'));
  for (let i = kids.length - 1; i >= 0; i--) {
    const k = kids[i]!;
    if (
      (k.textContent ?? '').trim() === name &&
      (a.textContent ?? '').trim() !== (k.textContent ?? '').trim()
    ) {
      k.remove();
      return;
    }
  }
}

/**
 * Removes the boilerplate blocks from Readability's content element (class names kept: keepClasses) and
 * returns the captions taken out of it, each with its credit.
 */
export function stripBoilerplate(root: DomElement): string[] {
  // The article's length, measured once and only when a block is a candidate (most pages have none).
  let total = -1;
  const articleLength = () => (total < 0 ? (total = textAndLinkLength(root).text) : total);
  const captions: string[] = [];
  /** The element the last caption came from, so that a credit right after it joins that caption. */
  let lastCaption: DomElement | null = null;
  const removed = new Set<DomElement>();
  const insideRemoved = (el: DomElement) => {
    for (let p = el.parentElement; p && p !== root; p = p.parentElement) if (removed.has(p)) return true;
    return false;
  };
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const name = el.localName;
    if (name === 'a') {
      // A hover card is an element inside the link.
      if (el.firstElementChild) undoubleLink(el);
      continue;
    }
    const kind = kindOf(el, name);
    if (!kind || insideRemoved(el) || !isRemovable(kind, el, articleLength())) continue;
    if (kind === 'caption' || kind === 'credit') {
      const text = plainText(el);
      const joins =
        kind === 'credit' && lastCaption && captions.length > 0 && lastCaption.nextElementSibling === el;
      if (text && joins) captions[captions.length - 1] += ` ${text}`;
      else if (text) captions.push(text);
      lastCaption = el;
    }
    removed.add(el);
  }
  for (const el of removed) el.remove();
  return captions;
}

/**
 * The <figcaption>s of the page's article (its <article> or <main>), read before Readability runs: it often
 * leaves the lead photo out of the content, and its caption with it, which an analyst still wants (who is in
 * the picture, whose photo). Captions already taken from the content are not repeated.
 */
export function articleFigcaptions(document: {
  querySelectorAll(s: string): Iterable<DomElement>;
}): string[] {
  const out: string[] = [];
  for (const el of document.querySelectorAll('article figcaption, main figcaption')) {
    const text = plainText(el);
    // Every photo's caption, even a credit repeated under each photo: they are the page's, one per figure.
    if (text) out.push(text);
  }
  return out;
}

/**
 * Captions in page order: those of the page, then the content's that are not one of them. Matched one to one,
 * as the same figure appears in both; the content's copy may carry the credit that followed the caption.
 */
export function mergeCaptions(fromPage: readonly string[], fromContent: readonly string[]): string[] {
  const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const unmatched = fromPage.map(key);
  const same = (s: string, k: string) =>
    s === k || (Math.min(s.length, k.length) >= 20 && (s.includes(k) || k.includes(s)));
  const extra = fromContent.filter((c) => {
    const k = key(c);
    const at = unmatched.findIndex((s) => same(s, k));
    if (at < 0) return true;
    unmatched.splice(at, 1);
    return false;
  });
  return [...fromPage, ...extra];
}

/**
 * MathJax 3 formulas (<mjx-container>) carry a "CtxtMenu_Attached_0" class, which Readability 0.6 reads as a
 * menu and drops with the formula (its later releases know "mathjax"). The formula is article text: the class
 * is reduced to "MathJax" before Readability runs. Called only on pages whose source names the element.
 */
export function keepFormulas(document: { querySelectorAll(s: string): Iterable<DomElement> }): void {
  for (const el of document.querySelectorAll('mjx-container'))
    (el as DomElement & { setAttribute(n: string, v: string): void }).setAttribute('class', 'MathJax');
}
