// An in-memory ApiClient for component tests: enough of the main side's behaviour to drive the UI, with
// every call recorded so tests can assert on payloads. Its handlers are a Partial<Handlers> served by the real
// dispatcher with the real contract (as Actual Budget's initServer), so input the main side would refuse is
// refused here too, handlers get the parsed input, and the answer is unwrapped as the real clients unwrap it.
import {
  DEFAULT_IMPORT_SIZE_LIMITS,
  type ApiClient,
  type ApiError,
  type Handlers,
  type MethodInput,
  type MethodName,
  type MethodOutput,
} from '../../shared/api/contract';
import { createDispatcher, ServiceError } from '../../shared/api/dispatcher';
import { unwrapResponse } from '../../shared/api/client';
import { articleText, countWords, sliceCodePoints } from '../../shared/domain/article-text';
import { evidenceForClaim, summarizeClaims } from '../../shared/domain/claims';
import type {
  Annotation,
  AppInfo,
  Article,
  ArticleMeta,
  ArticleSummary,
  Claim,
  ImportJobStatus,
  ImportReport,
  LibrarySettings,
} from '../../shared/domain/types';

export interface Call {
  method: MethodName;
  input: unknown;
}

const NOW = '2024-05-01T10:00:00.000Z';

export function makeArticle(p: Partial<Article> & { id: string; title: string }): Article {
  const paragraphs = p.paragraphs ?? ['First paragraph.', 'Second paragraph.'];
  const lead = p.lead ?? '';
  return {
    fileName: `${p.id}.txt`,
    sha256: p.id.padEnd(64, '0'),
    importedAt: NOW,
    outlet: { name: 'Example News', domain: 'example.com' },
    url: null,
    published: null,
    modified: null,
    language: 'en',
    author: null,
    wordCount: countWords({ title: p.title, lead, paragraphs }),
    size: 1000,
    ...p,
    lead,
    paragraphs,
  };
}

export function makeClaim(p: Partial<Claim> & { id: string; text: string }): Claim {
  return { speaker: '', note: '', createdAt: NOW, updatedAt: NOW, ...p };
}

export function makeAnnotation(
  article: Article,
  p: { id: string; claimId: string; start: number; end: number } & Partial<
    Pick<Annotation, 'stance' | 'speaker' | 'tags' | 'note'>
  >,
): Annotation {
  const text = articleText(article);
  return {
    id: p.id,
    articleId: article.id,
    claimId: p.claimId,
    quote: {
      type: 'TextQuoteSelector',
      exact: sliceCodePoints(text, p.start, p.end),
      prefix: sliceCodePoints(text, Math.max(0, p.start - 32), p.start),
      suffix: sliceCodePoints(text, p.end, p.end + 32),
    },
    position: { type: 'TextPositionSelector', start: p.start, end: p.end },
    stance: p.stance ?? 'asserts',
    speaker: p.speaker ?? '',
    tags: p.tags ?? [],
    note: p.note ?? '',
    createdAt: NOW,
    updatedAt: NOW,
  };
}

export class FakeApi implements ApiClient {
  calls: Call[] = [];
  info: AppInfo = {
    shell: 'host',
    version: '0.1.0',
    libraryName: 'Test library',
    nativeDialogs: false,
    importLimits: { ...DEFAULT_IMPORT_SIZE_LIMITS },
  };
  /** The library's stored settings (settings.get / settings.update). */
  settings: LibrarySettings = { importLimits: { ...DEFAULT_IMPORT_SIZE_LIMITS }, outletNames: {} };
  /** What the native import dialog starts (import.openDialog), and the states import.jobStatus then answers in turn. */
  dialogJob: { jobId: string; total: number; statuses: ImportJobStatus[] } | null = null;
  /** What settings.update answers as `renamed` when outlet names change (the real one counts stored articles). */
  renamedOnUpdate = 0;
  articles: Article[] = [];
  claims: Claim[] = [];
  annotations: Annotation[] = [];
  /** Makes the next valid call of a method fail with this error (input the contract refuses is refused first). */
  failures = new Map<MethodName, ApiError>();
  /** Errors the dispatcher reported as 'internal' (a handler that threw something else, or a missing handler). */
  internalErrors: Array<{ method: string; error: unknown }> = [];
  /** Calls of these methods wait until the promise resolves (to observe in-between states). */
  gates = new Map<MethodName, Promise<void>>();
  /** What articles.import answers; by default every file is imported as a new article. */
  importHandler: (input: MethodInput<'articles.import'>) => ImportReport = (input) =>
    this.defaultImport(input);
  private seq = 0;

  constructor(
    init: {
      articles?: Article[];
      claims?: Claim[];
      annotations?: Annotation[];
      info?: Partial<AppInfo>;
    } = {},
  ) {
    this.articles = init.articles ?? [];
    this.claims = init.claims ?? [];
    this.annotations = init.annotations ?? [];
    this.info = { ...this.info, ...init.info };
  }

  /** Hold calls of `method` until the returned function is called. */
  hold(method: MethodName): () => void {
    let release = () => {};
    this.gates.set(method, new Promise<void>((r) => (release = r)));
    return () => {
      this.gates.delete(method);
      release();
    };
  }

  callsOf<M extends MethodName>(method: M): Array<MethodInput<M>> {
    return this.calls.filter((c) => c.method === method).map((c) => c.input as MethodInput<M>);
  }

  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    this.calls.push({ method, input: structuredClone(input) });
    await (this.gates.get(method) ?? Promise.resolve());
    const dispatch = createDispatcher(this.served(), {
      onInternalError: (m, error) => this.internalErrors.push({ method: m, error }),
    });
    // Cloned both ways, as a transport would: neither side keeps a reference into the other's objects.
    const response = await dispatch(method, structuredClone(input));
    return unwrapResponse<MethodOutput<M>>(structuredClone(response));
  }

  /**
   * What the dispatcher serves: the handlers, with a pending failure in front of its method. A method with no
   * handler reaches the dispatcher without one, and answers as a missing handler does there.
   */
  private served(): Handlers {
    const served: Partial<Handlers> = { ...this.handlers };
    for (const [method, failure] of this.failures) {
      served[method] = () => {
        this.failures.delete(method);
        // The code is passed on as it is: a test may stand in for a refusal the contract itself would make.
        throw new ServiceError(failure.code as ServiceError['code'], failure.message);
      };
    }
    return served as Handlers;
  }

  private id(prefix: string) {
    return `${prefix}-${++this.seq}`;
  }

  private article(id: string): Article {
    const a = this.articles.find((x) => x.id === id);
    if (!a) throw new ServiceError('not_found', `No article ${id}`);
    return a;
  }

  private summary(a: Article): ArticleSummary {
    const anns = this.annotations.filter((x) => x.articleId === a.id);
    const { paragraphs: _p, ...meta } = a;
    return { ...meta, claimCount: new Set(anns.map((x) => x.claimId)).size, annotationCount: anns.length };
  }

  private defaultImport(input: MethodInput<'articles.import'>): ImportReport {
    const results = input.files.map((f) => {
      const article = makeArticle({ id: this.id('art'), title: `Imported ${f.name}` });
      this.articles.push(article);
      return { fileName: f.name, status: 'imported' as const, articleId: article.id, title: article.title };
    });
    return { results, imported: results.length, duplicates: 0, refused: 0 };
  }

  private checkTarget(article: Article, start: number, end: number, exact?: string) {
    if (exact !== undefined && sliceCodePoints(articleText(article), start, end) !== exact) {
      throw new ServiceError('refused', `The quote does not match the text at ${start}-${end}`);
    }
  }

  /** What an annotation change answers besides the annotation, as the main side does: the article's annotations by start, the claims touched. */
  private annotationChange(articleId: string, claimIds: string[]) {
    const annotations = this.annotations
      .filter((a) => a.articleId === articleId)
      .sort((a, b) => a.position.start - b.position.start);
    return {
      annotations,
      claimSummaries: summarizeClaims(
        this.claims.filter((c) => claimIds.includes(c.id)),
        this.annotations,
      ),
    };
  }

  /** One entry per method, as the main side's handler map; a test may replace or add entries. */
  handlers: Partial<Handlers> = {
    'app.info': () => this.info,
    'settings.get': () => ({
      settings: this.settings,
      defaults: { importLimits: { ...DEFAULT_IMPORT_SIZE_LIMITS }, outletNames: {} },
    }),
    'settings.update': ({ importLimits, outletNames }) => {
      const names = { ...this.settings.outletNames };
      for (const { domain: d, name: n } of outletNames ?? []) {
        if (n === null) delete names[d];
        else names[d] = n;
      }
      this.settings = {
        importLimits: { ...this.settings.importLimits, ...importLimits },
        outletNames: names,
      };
      this.info = { ...this.info, importLimits: this.settings.importLimits };
      return {
        settings: this.settings,
        defaults: { importLimits: { ...DEFAULT_IMPORT_SIZE_LIMITS }, outletNames: {} },
        ...(outletNames ? { renamed: this.renamedOnUpdate } : {}),
      };
    },
    'articles.list': () => this.articles.map((a) => this.summary(a)),
    'articles.get': ({ id }) => ({
      ...this.article(id),
      annotations: this.annotations.filter((x) => x.articleId === id),
    }),
    'articles.import': (input) => this.importHandler(input),
    'claims.list': () => summarizeClaims(this.claims, this.annotations),
    'claims.create': ({ text, speaker, note }) => {
      const claim = makeClaim({ id: this.id('claim'), text, speaker: speaker ?? '', note: note ?? '' });
      this.claims.push(claim);
      return claim;
    },
    'claims.update': ({ id, ...patch }) => {
      const i = this.claims.findIndex((c) => c.id === id);
      const claim = this.claims[i];
      if (!claim) throw new ServiceError('not_found', `No claim ${id}`);
      const next = {
        ...claim,
        ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
        updatedAt: 'later',
      };
      this.claims[i] = next;
      return next;
    },
    'claims.delete': ({ id }) => {
      const found = this.claims.find((c) => c.id === id);
      if (!found) throw new ServiceError('not_found', `No claim ${id}`);
      if (this.annotations.some((a) => a.claimId === id))
        throw new ServiceError('conflict', 'The claim has evidence');
      this.claims = this.claims.filter((c) => c.id !== id);
      return found;
    },
    'claims.restore': ({ claim }) => {
      const wording = claim.text.trim().toLowerCase();
      if (this.claims.some((c) => c.id === claim.id || c.text.trim().toLowerCase() === wording))
        throw new ServiceError('conflict', 'That claim exists already');
      // Back where it was: the list is in creation order, like claims.json.
      const at = this.claims.findIndex((c) => c.createdAt > claim.createdAt);
      this.claims.splice(at < 0 ? this.claims.length : at, 0, claim);
      return claim;
    },
    'claims.evidence': ({ id }) => {
      const metas = new Map<string, ArticleMeta>(this.articles.map((a) => [a.id, a]));
      return evidenceForClaim(id, this.annotations, metas);
    },
    'annotations.create': (input) => {
      const article = this.article(input.articleId);
      this.checkTarget(article, input.target.start, input.target.end, input.target.quote?.exact);
      let claim: Claim;
      let claimCreated = false;
      if ('claimId' in input) {
        const found = this.claims.find((c) => c.id === input.claimId);
        if (!found) throw new ServiceError('not_found', `No claim ${input.claimId}`);
        claim = found;
      } else {
        claim = makeClaim({
          id: this.id('claim'),
          text: input.newClaim.text,
          speaker: input.newClaim.speaker ?? '',
        });
        this.claims.push(claim);
        claimCreated = true;
      }
      const annotation = makeAnnotation(article, {
        id: this.id('ann'),
        claimId: claim.id,
        start: input.target.start,
        end: input.target.end,
        stance: input.stance,
        speaker: input.speaker ?? '',
        tags: input.tags ?? [],
        note: input.note ?? '',
      });
      this.annotations.push(annotation);
      return { annotation, claim, claimCreated, ...this.annotationChange(annotation.articleId, [claim.id]) };
    },
    'annotations.update': ({ id, ...patch }) => {
      const i = this.annotations.findIndex((a) => a.id === id);
      const current = this.annotations[i];
      if (!current) throw new ServiceError('not_found', `No annotation ${id}`);
      const next = {
        ...current,
        ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      };
      this.annotations[i] = next;
      return { annotation: next, ...this.annotationChange(next.articleId, [current.claimId, next.claimId]) };
    },
    'annotations.delete': ({ id }) => {
      const found = this.annotations.find((a) => a.id === id);
      if (!found) throw new ServiceError('not_found', `No annotation ${id}`);
      this.annotations = this.annotations.filter((a) => a.id !== id);
      return { annotation: found, ...this.annotationChange(found.articleId, [found.claimId]) };
    },
    'annotations.restore': ({ annotation }) => {
      this.article(annotation.articleId);
      if (!this.claims.some((c) => c.id === annotation.claimId))
        throw new ServiceError('not_found', 'claim is gone');
      this.annotations.push(annotation as Annotation);
      return {
        annotation: annotation as Annotation,
        ...this.annotationChange(annotation.articleId, [annotation.claimId]),
      };
    },
    'export.build': ({ format }) => ({
      fileName: `notes.${format}`,
      mimeType: 'text/plain',
      content: `export ${format}`,
    }),
    'export.save': ({ format }) => ({ saved: true, fileName: `notes.${format}` }),
    'import.openDialog': () =>
      this.dialogJob ? { jobId: this.dialogJob.jobId, total: this.dialogJob.total } : null,
    'import.jobStatus': ({ jobId }) => {
      const j = this.dialogJob;
      if (!j || j.jobId !== jobId) throw new ServiceError('not_found', `No import job ${jobId}`);
      // Each poll answers the next scripted state; the last one repeats.
      return j.statuses.length > 1 ? j.statuses.shift()! : j.statuses[0]!;
    },
    'import.cancelJob': () => ({ cancelling: true }),
    'shell.openExternal': () => ({ opened: true }),
  };
}
