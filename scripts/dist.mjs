// `npm run dist`: builds the installers with electron-builder (build/electron-builder.yml) for this
// platform; extra arguments go to electron-builder (e.g. `npm run dist -- --linux deb`).
// electron-builder downloads the Electron binary (and, for AppImage/deb/nsis/dmg, its tool sets) from GitHub
// or ELECTRON_MIRROR. Where that cannot work, say so in one line instead of a screenful of retries.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const electronVersion = JSON.parse(
  readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8'),
).version;

function fail(message) {
  console.error(`dist: ${message}`);
  process.exit(1);
}

if (!existsSync(path.join(root, 'out/main/main.js')))
  fail('out/main/main.js is missing: run `npm run build` first');

/** The Electron cache of @electron/get (where electron-builder looks before downloading). */
function electronCacheRoot() {
  if (process.env.ELECTRON_CACHE) return process.env.ELECTRON_CACHE;
  const home = os.homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches', 'electron');
  if (process.platform === 'win32')
    return path.join(process.env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'electron', 'Cache');
  return path.join(process.env.XDG_CACHE_HOME || path.join(home, '.cache'), 'electron');
}

/** True when an Electron zip of this version is already in the cache (two levels deep at most). */
function electronCached() {
  const wanted = `electron-v${electronVersion}-`;
  const walk = (dir, depth) => {
    let entries;
    try {
      entries = readdirSync(dir);
    } catch {
      return false;
    }
    for (const name of entries) {
      if (name.startsWith(wanted) && name.endsWith('.zip')) return true;
      if (depth > 0) {
        const p = path.join(dir, name);
        try {
          if (statSync(p).isDirectory() && walk(p, depth - 1)) return true;
        } catch {
          /* unreadable: skip */
        }
      }
    }
    return false;
  };
  return walk(electronCacheRoot(), 2);
}

async function downloadReachable() {
  const mirror =
    process.env.ELECTRON_MIRROR ||
    process.env.npm_config_electron_mirror ||
    'https://github.com/electron/electron/releases/download/';
  const url = `${mirror.endsWith('/') ? mirror : `${mirror}/`}v${electronVersion}/SHASUMS256.txt`;
  try {
    await fetch(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    return { ok: true };
  } catch (err) {
    const cause = err?.cause?.code ?? err?.cause?.message ?? err?.name ?? String(err);
    return { ok: false, reason: `${new URL(url).host} unreachable: ${cause}` };
  }
}

const electronDistGiven = args.some((a) => a.includes('electronDist'));
if (!electronDistGiven && !electronCached()) {
  const probe = await downloadReachable();
  if (!probe.ok)
    fail(
      `cannot build installers here: the Electron ${electronVersion} binary could not be downloaded (${probe.reason})`,
    );
}

const cli = path.join(root, 'node_modules/electron-builder/cli.js');
const child = spawn(
  process.execPath,
  [cli, '--config', 'build/electron-builder.yml', '--publish', 'never', ...args],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
child.on('error', (err) => fail(`could not start electron-builder: ${err.message}`));
child.on('exit', (code, signal) => {
  if (code === 0) {
    console.log(`dist: installers written to ${path.join(root, 'dist')}`);
    process.exit(0);
  }
  fail(
    `electron-builder failed (${signal ? `signal ${signal}` : `exit code ${code}`}); see its output above`,
  );
});
