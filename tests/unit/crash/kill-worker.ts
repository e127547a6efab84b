// Child process of kill.test.ts (bundled by esbuild, run with plain node): opens the library and changes
// annotations as fast as it can from several concurrent chains, so that writes of the same files overlap
// and get coalesced. Protocol on stdout, one line each, written synchronously (pipes are synchronous on
// Linux, so a line written is a line the parent gets, even after SIGKILL):
//   ready
//   begin <create|update|delete> <annotationId|-> <json patch>   before a change is asked for
//   ack <create|update|delete|claim> <id> <json>                 right after its promise resolved
//   done
// Arguments: <libraryDir> <changes> <seed> <chains>
import { openLibraryStore } from '../../../electron/services/library/store';
import { createLibrary } from '../../../electron/services/library/library';
import { articleText } from '../../../shared/domain/article-text';
import { STANCES } from '../../../shared/domain/types';

const [dir, changesArg, seedArg, chainsArg] = process.argv.slice(2);
if (!dir) throw new Error('usage: kill-worker <libraryDir> <changes> <seed> <chains>');
let budget = Number(changesArg ?? 100);
const seed = Number(seedArg ?? 1);
const chains = Number(chainsArg ?? 4);

// mulberry32: a reproducible run for a given seed (apart from timing).
let s = seed >>> 0;
const rand = () => {
  s = (s + 0x6d2b79f5) >>> 0;
  let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const say = (line: string) => process.stdout.write(`${line}\n`);

// A short backup interval, so rolling backups run (and get killed) during the test too.
const store = await openLibraryStore(dir, undefined, { backupIntervalMs: 25, keepBackups: 4 });
const lib = createLibrary(store);
const articles = await Promise.all(
  lib
    .listArticles()
    .map(async (a) => ({ id: a.id, length: [...articleText(await lib.getArticle(a.id))].length })),
);
if (articles.length < 2) throw new Error('the library needs the two sample articles');
say('ready');

let serial = 0;
async function chain(k: number): Promise<void> {
  const mine: string[] = [];
  while (budget-- > 0) {
    const n = serial++;
    const r = rand();
    if (!mine.length || r < 0.45) {
      const art = pick(articles);
      const start = Math.floor(rand() * (art.length - 60));
      const end = start + 5 + Math.floor(rand() * 50);
      const claims = lib.listClaims();
      const claim =
        !claims.length || rand() < 0.3
          ? { newClaim: { text: `Claim ${seed}-${k}-${n}`, speaker: 'S' } }
          : { claimId: pick(claims).id };
      say(`begin create - {}`);
      const out = await lib.createAnnotation({
        articleId: art.id,
        target: { start, end },
        claim,
        stance: pick(STANCES),
        speaker: `sp${n}`,
        tags: [`t${n % 7}`],
        note: `created ${n}`,
      });
      if (out.claimCreated) say(`ack claim ${out.claim.id} ${JSON.stringify(out.claim)}`);
      say(`ack create ${out.annotation.id} ${JSON.stringify(out.annotation)}`);
      mine.push(out.annotation.id);
    } else if (r < 0.8) {
      const id = pick(mine);
      const patch = {
        note: `updated ${n} ${'é'.repeat(n % 5)}`,
        tags: [`u${n % 5}`, `v${n % 3}`],
        stance: pick(STANCES),
      };
      say(`begin update ${id} ${JSON.stringify(patch)}`);
      const a = await lib.updateAnnotation(id, patch);
      say(`ack update ${id} ${JSON.stringify(a)}`);
    } else {
      const id = mine.splice(Math.floor(rand() * mine.length), 1)[0]!;
      say(`begin delete ${id} {}`);
      await lib.deleteAnnotation(id);
      say(`ack delete ${id} {}`);
    }
  }
}

await Promise.all(Array.from({ length: chains }, (_, k) => chain(k)));
say('done');
// Stay alive until killed, like an app left open: the parent decides when the process dies.
setInterval(() => {}, 1000);
