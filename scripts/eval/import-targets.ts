// The targets of `npm run eval:import --check`, each figure beside the previous release's (previous-release.json:
// the same eval run on the importer before the date, title and body work). A corpus that is absent is reported
// as skipped, never as met.
import { readFileSync } from 'node:fs';
import type { DateFigures } from './htmldate';
import { PROSE_TOKENS } from './prose-kept';

export interface PreviousRelease {
  release: string;
  readability: {
    title: { rate: number | null };
    published: { rate: number | null };
    body: { precision: number; recall: number; f1: number };
    /** Body recall of each page, by case name. */
    pageRecall: Record<string, number>;
    /** Fingerprints of each page's prose paragraphs (prose-kept.ts). */
    proseParagraphs: Record<string, string[]>;
  };
  htmldate: { overall: DateFigures; bySet: Record<string, DateFigures> };
}

export function readPreviousRelease(path: string): PreviousRelease {
  return JSON.parse(readFileSync(path, 'utf8')) as PreviousRelease;
}

/** This run's figures; a part is null when its corpus was not there. */
export interface CurrentFigures {
  readability: {
    title: number | null;
    /** Titles equal to the reference or to it without a site name after a separator (metric.ts). */
    titleOrSite: number | null;
    published: number | null;
    body: { precision: number; recall: number; f1: number };
    readabilityF1: number;
    pageRecall: Record<string, number>;
    /** Per page: prose paragraphs of the previous release missing now. */
    proseLost: Record<string, number>;
    /** Per page: this run's prose fingerprints (for --record-release). */
    prose: Record<string, string[]>;
  } | null;
  htmldate: { overall: DateFigures; bySet: Record<string, DateFigures> } | null;
}

interface Row {
  metric: string;
  now: string;
  previous: string;
  target: string;
  /** null: not judged (skipped). */
  met: boolean | null;
}

/** Rounding in the reference texts' tokenisation aside, a page "loses text" when its recall falls by more. */
const RECALL_SLACK = 0.001;

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)} %`;
const share = (n: number, f: DateFigures) => (f.pages ? n / f.pages : 0);
const num = (x: number) => x.toFixed(4);

export function targetRows(
  now: CurrentFigures,
  prev: PreviousRelease,
): { rows: Row[]; lostPages: string[]; lostProse: string[] } {
  const rows: Row[] = [];
  const hd = now.htmldate;
  for (const [name, f] of [['all', hd?.overall], ...Object.entries(hd?.bySet ?? {})] as Array<
    [string, DateFigures | undefined]
  >) {
    const before = name === 'all' ? prev.htmldate.overall : prev.htmldate.bySet[name];
    const judged = name === 'all';
    rows.push({
      metric: `htmldate ${name}: day right`,
      now: f ? pct(share(f.right, f)) : 'skipped',
      previous: before ? pct(share(before.right, before)) : '—',
      target: judged ? '≥ 90 %' : '',
      met: judged && f ? share(f.right, f) >= 0.9 : null,
    });
    rows.push({
      metric: `htmldate ${name}: day wrong`,
      now: f ? pct(share(f.wrong, f)) : 'skipped',
      previous: before ? pct(share(before.wrong, before)) : '—',
      target: judged ? '≤ 3 %' : '',
      met: judged && f ? share(f.wrong, f) <= 0.03 : null,
    });
  }
  const r = now.readability;
  const p = prev.readability;
  // Issue 11 asks for titles without the site's name, which Readability's references keep on metadata titles
  // ("… - Breitbart", "… | eHow"): a title right by the issue differs from them by that name. The 90 % of the
  // issue is judged on titles equal to the reference or to it without a site name; the exact figure stays
  // beside it (it cannot pass 90 % with the names cut: 10 references keep one, 3 pages have no title at all).
  rows.push({
    metric: 'readability pages: title exact',
    now: r ? pct(r.title) : 'skipped',
    previous: pct(p.title.rate),
    target: '',
    met: null,
  });
  rows.push({
    metric: 'readability pages: title exact or site name cut',
    now: r ? pct(r.titleOrSite) : 'skipped',
    previous: '—',
    target: '≥ 90 %',
    met: r ? (r.titleOrSite ?? 0) >= 0.9 : null,
  });
  rows.push({
    metric: 'readability pages: published date agrees',
    now: r ? pct(r.published) : 'skipped',
    previous: pct(p.published.rate),
    target: '≥ previous',
    met: r ? (r.published ?? 0) >= (p.published.rate ?? 0) : null,
  });
  rows.push({
    metric: 'readability pages: body F1 (mean)',
    now: r ? num(r.body.f1) : 'skipped',
    previous: num(p.body.f1),
    target: `≥ 0.996 and ≥ Readability's${r ? ` ${num(r.readabilityF1)}` : ''}`,
    met: r ? r.body.f1 >= 0.996 && r.body.f1 >= r.readabilityF1 : null,
  });
  rows.push({
    metric: 'readability pages: body precision · recall',
    now: r ? `${num(r.body.precision)} · ${num(r.body.recall)}` : 'skipped',
    previous: `${num(p.body.precision)} · ${num(p.body.recall)}`,
    target: '',
    met: null,
  });
  const fell = r ? pagesThatLostText(r.pageRecall, p.pageRecall) : [];
  rows.push({
    metric: 'readability pages whose recall fell (boilerplate removed?)',
    now: r ? String(fell.length) : 'skipped',
    previous: '',
    target: '',
    met: null,
  });
  const lostProse = r
    ? Object.entries(r.proseLost)
        .filter(([, n]) => n > 0)
        .map(([name, n]) => `${name} (${n})`)
    : [];
  rows.push({
    metric: `readability pages that lost a prose paragraph (≥ ${PROSE_TOKENS} words)`,
    now: r ? String(lostProse.length) : 'skipped',
    previous: '',
    target: '0',
    met: r ? lostProse.length === 0 : null,
  });
  return { rows, lostPages: fell, lostProse };
}

/** previous-release.json's content for this run (eval-import.ts --record-release). */
export function releaseRecord(
  release: string,
  r: NonNullable<CurrentFigures['readability']>,
  htmldate: { overall: DateFigures; bySet: Record<string, DateFigures> },
): PreviousRelease {
  return {
    release,
    readability: {
      title: { rate: r.title },
      published: { rate: r.published },
      body: { precision: r.body.precision, recall: r.body.recall, f1: r.body.f1 },
      pageRecall: r.pageRecall,
      proseParagraphs: r.prose,
    },
    htmldate: { overall: htmldate.overall, bySet: htmldate.bySet },
  };
}

/** Pages whose body recall fell below the previous release's. */
export function pagesThatLostText(now: Record<string, number>, before: Record<string, number>): string[] {
  return Object.entries(before)
    .filter(([name, recall]) => name in now && now[name]! < recall - RECALL_SLACK)
    .map(([name, recall]) => `${name} ${num(recall)} → ${num(now[name]!)}`);
}

/** Prints the table; returns the targets missed (empty when all judged ones are met). */
export function printTargets(
  { rows, lostPages, lostProse }: ReturnType<typeof targetRows>,
  release: string,
): string[] {
  const head: Row = {
    metric: 'target',
    now: 'this version',
    previous: 'previous',
    target: 'goal',
    met: null,
  };
  const all = [head, ...rows];
  const w = (k: keyof Omit<Row, 'met'>) => Math.max(...all.map((x) => x[k].length));
  const line = (x: Row, mark: string) =>
    `| ${x.metric.padEnd(w('metric'))} | ${x.now.padStart(w('now'))} | ${x.previous.padStart(w('previous'))} | ${x.target.padEnd(w('target'))} | ${mark.padEnd(4)} |`;
  console.log(`\nTargets, beside the previous release (${release}):\n`);
  console.log(line(head, 'met'));
  console.log(
    `|${'-'.repeat(w('metric') + 2)}|${'-'.repeat(w('now') + 1)}:|${'-'.repeat(w('previous') + 1)}:|${'-'.repeat(w('target') + 2)}|------|`,
  );
  for (const x of rows)
    console.log(line(x, x.met === null ? (x.now === 'skipped' ? 'skip' : '') : x.met ? 'yes' : 'NO'));
  if (lostPages.length)
    console.log(
      `\nPages whose body recall fell (recall before → now; the references keep boilerplate): ${lostPages.join('; ')}`,
    );
  if (lostProse.length) console.log(`\nPages that lost prose paragraphs: ${lostProse.join('; ')}`);
  return rows.filter((x) => x.met === false).map((x) => `${x.metric}: ${x.now} (goal ${x.target})`);
}
