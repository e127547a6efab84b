// The verbs but import, each a few contract calls through the in-process client: the CLI sees the library
// exactly as the app does (the same checks, the same outlet names, the same search index), never its store.
import { fileURLToPath } from 'node:url';
import type { ApiClient } from '../../shared/api/contract';
import type { Dispatch } from '../../shared/api/dispatcher';
import { DEFAULT_IMPORT_SIZE_LIMITS } from '../../shared/api/rpc';
import { articleText, findQuote } from '../../shared/domain/article-text';
import { DATE_SOURCE_LABELS, STANCES, type Stance } from '../../shared/domain/types';
import { createHost } from '../host/server';
import { writeFileAtomic } from '../services/fs-atomic';
import { need, outletNameFlags, sizeLimitFlags, str, UsageError, type Values } from './args';
import { mbText, reportField, type Out } from './output';

export interface CommandContext {
  api: ApiClient;
  values: Values;
  positionals: string[];
  out: Out;
}

export async function list({ api, values, out }: CommandContext): Promise<number> {
  const rows = (await api.call('articles.list', {})).map(
    ({ id, title, outlet, url, published, publishedFrom, language, wordCount, fileName, sha256 }) => ({
      id,
      title,
      outlet,
      url,
      published,
      publishedFrom: publishedFrom ?? null,
      language,
      wordCount,
      fileName,
      sha256,
    }),
  );
  if (values.json) out.log(JSON.stringify(rows, null, 2));
  else for (const r of rows) out.log(`${r.id}\t${r.published ?? ''}\t${r.outlet.name}\t${r.title}`);
  return 0;
}

export async function show({ api, values, positionals, out }: CommandContext): Promise<number> {
  const id = positionals[0];
  if (!id) throw new UsageError('show needs an article id');
  const a = await api.call('articles.get', { id });
  if (values.json) out.log(JSON.stringify(a, null, 2));
  else {
    const date = a.published
      ? `${a.published}${a.publishedFrom ? ` (from ${DATE_SOURCE_LABELS[a.publishedFrom]})` : ''}`
      : 'no date';
    out.log(`${a.title}\n${a.outlet.name} · ${date} · ${a.url ?? ''}\n`);
    if (a.lead) out.log(`${a.lead}\n`);
    out.log(a.paragraphs.join('\n\n'));
    for (const n of a.annotations)
      out.log(`\n[${n.stance}] «${n.quote.exact}» (${n.speaker || 'no speaker'})`);
  }
  return 0;
}

export async function annotate({ api, values, positionals, out }: CommandContext): Promise<number> {
  const articleId = positionals[0];
  if (!articleId) throw new UsageError('annotate needs an article id');
  const quote = need(values, 'quote');
  const stance = need(values, 'stance');
  if (!(STANCES as readonly string[]).includes(stance))
    throw new UsageError(`--stance must be one of ${STANCES.join(', ')}`);
  const claimText = need(values, 'claim');
  const article = await api.call('articles.get', { id: articleId });
  const at = findQuote(articleText(article), { exact: quote });
  if (!at) throw new Error(`The quote is not in article ${articleId}: "${quote.slice(0, 80)}"`);
  // The same wording (case aside) is the same claim: the annotation joins it rather than repeating it.
  const existing = (await api.call('claims.list', {})).find(
    (c) => c.text.toLowerCase() === claimText.trim().toLowerCase(),
  );
  const speaker = str(values, 'speaker') ?? '';
  const r = await api.call('annotations.create', {
    articleId,
    target: { start: at.start, end: at.end, quote: { exact: quote } },
    ...(existing ? { claimId: existing.id } : { newClaim: { text: claimText, speaker } }),
    stance: stance as Stance,
    speaker,
    tags: (str(values, 'tags') ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    note: str(values, 'note') ?? '',
  });
  out.log(
    `annotation ${r.annotation.id} on claim ${r.claim.id}${r.claimCreated ? ' (new)' : ''}: "${r.claim.text}"`,
  );
  return 0;
}

export async function reextract({ api, values, positionals, out }: CommandContext): Promise<number> {
  if (values.all && positionals.length)
    throw new UsageError('reextract takes article ids or --all, not both');
  const ids = values.all ? (await api.call('articles.list', {})).map((a) => a.id) : positionals;
  if (!ids.length) throw new UsageError('reextract needs article ids or --all');
  let failed = 0;
  for (const id of ids) {
    try {
      const r = await api.call('articles.reextract', { id });
      out.log(
        `${r.changed ? 'updated' : 'unchanged'}\t${id}\t${r.title}\t${r.reanchored} annotation(s) kept`,
      );
    } catch (err) {
      failed++;
      out.log(`kept\t${id}\t${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return failed ? 1 : 0;
}

export async function settings({ api, values, out }: CommandContext): Promise<number> {
  const change = sizeLimitFlags(values);
  if (values.defaults) {
    if (Object.keys(change).length)
      throw new UsageError('--defaults cannot be combined with --max-file-mb or --max-pdf-mb');
    Object.assign(change, DEFAULT_IMPORT_SIZE_LIMITS);
  }
  const names = outletNameFlags(values);
  const patch = {
    ...(Object.keys(change).length ? { importLimits: change } : {}),
    ...(names.length ? { outletNames: names } : {}),
  };
  const view = Object.keys(patch).length
    ? await api.call('settings.update', patch)
    : await api.call('settings.get', {});
  if (view.notice) out.err(`workbench: ${view.notice}`);
  if (view.renamed !== undefined)
    out.err(`workbench: ${view.renamed} stored article(s) took the new outlet names`);
  if (values.json) out.log(JSON.stringify(view, null, 2));
  else {
    const { settings: s, defaults: d } = view;
    out.log(
      `import.max-file-mb\t${mbText(s.importLimits.maxBytes)}${s.importLimits.maxBytes === d.importLimits.maxBytes ? '\t(default)' : ''}`,
    );
    out.log(
      `import.max-pdf-mb\t${mbText(s.importLimits.maxPdfBytes)}${s.importLimits.maxPdfBytes === d.importLimits.maxPdfBytes ? '\t(default)' : ''}`,
    );
    for (const [domain, name] of Object.entries(s.outletNames))
      out.log(`outlet\t${domain}\t${reportField(name)}`);
  }
  return 0;
}

export async function exportNotes({ api, values, out }: CommandContext): Promise<number> {
  const format = need(values, 'format');
  if (format !== 'md' && format !== 'csv' && format !== 'json')
    throw new UsageError('--format must be md, csv or json');
  const file = await api.call('export.build', { format });
  const dest = str(values, 'out');
  if (dest) {
    await writeFileAtomic(dest, file.content);
    out.err(`wrote ${dest}`);
  } else (out.outRaw ?? out.log)(file.content);
  return 0;
}

/** Serves the renderer and the contract on 127.0.0.1 until SIGINT or SIGTERM. */
export async function serve({ api, values, out }: CommandContext, dispatch: Dispatch): Promise<number> {
  const given = str(values, 'port');
  const port = given === undefined ? 0 : Number(given);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError('--port must be a port number');
  const staticDir = fileURLToPath(new URL('../renderer', import.meta.url));
  // The caps set the host's body limit; they change with the settings (or a restored backup), so they are read
  // again after a call that may have changed them. In recovery mode app.info answers the defaults.
  let limits = (await api.call('app.info', {})).importLimits;
  const following: Dispatch = async (method, input) => {
    const r = await dispatch(method, input);
    if (r.ok && (method === 'settings.update' || method === 'library.restoreBackup'))
      limits = await api.call('app.info', {}).then(
        (info) => info.importLimits,
        () => limits,
      );
    return r;
  };
  const host = await createHost({
    dispatch: following,
    staticDir,
    port,
    log: out.err,
    importLimits: () => limits,
  });
  const { recovery } = await api.call('app.info', {});
  if (recovery)
    out.err(
      `workbench: the library file ${recovery.file} ${recovery.reason} The page offers ${recovery.backups.length} backup(s) to restore.`,
    );
  out.log(`Analyst Workbench at ${host.openUrl}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  return 0;
}
