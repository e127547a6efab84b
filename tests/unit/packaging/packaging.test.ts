// Runs the real packaging pipeline (electron-builder, Linux `dir` target, build/electron-builder.yml) against a
// stand-in Electron distribution, then inspects the app.asar it produced: the built app and production
// dependencies go in; devDependencies, sources and tests stay out. No network: the stand-in replaces the
// Electron download, and npmRebuild is off.
import * as asar from '@electron/asar';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { dev?: boolean; optional?: boolean; devOptional?: boolean }>;
};

// The fuse wire as an unmodified Electron binary carries it (sentinel, version 1, 8 fuses), so the stand-in
// lets electron-builder flip the fuses configured in electron-builder.yml.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const STOCK_FUSES = '10110001';

// Any download electron-builder might try goes to a closed local port and fails at once, so a passing
// build proves the packaging step needs no network. VITEST is unset so electron-builder logs normally.
const OFFLINE_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  VITEST: undefined,
  CSC_IDENTITY_AUTO_DISCOVERY: 'false',
  ELECTRON_MIRROR: 'http://127.0.0.1:9/',
  ELECTRON_BUILDER_BINARIES_MIRROR: 'http://127.0.0.1:9/',
};

let tmp = '';
let appDir = '';
let files: string[] = [];
/** Every package inside the asar: its folder (e.g. "/node_modules/a/node_modules/b") → its package.json. */
const packages = new Map<
  string,
  {
    name: string;
    version: string;
    dependencies?: Record<string, string>;
    optionalDependencies?: Record<string, string>;
  }
>();
let builderLog = '';

function run(cmd: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      args,
      { cwd: root, timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024, env: OFFLINE_ENV },
      (err, stdout, stderr) => {
        const out = `${stdout}\n${stderr}`;
        if (err) reject(new Error(`${err.message}\n${out.slice(-4000)}`));
        else resolve(out);
      },
    );
  });
}

beforeAll(async () => {
  if (
    !existsSync(path.join(root, 'out/main/main.js')) ||
    !existsSync(path.join(root, 'out/renderer/index.html'))
  ) {
    execFileSync(process.execPath, ['scripts/build.mjs', '--quiet'], {
      cwd: root,
      stdio: 'inherit',
      timeout: 90_000,
    });
  }
  tmp = mkdtempSync(path.join(os.tmpdir(), 'workbench-packaging-'));
  const electronDist = path.join(tmp, 'electron-dist');
  mkdirSync(electronDist, { recursive: true });
  writeFileSync(
    path.join(electronDist, 'electron'),
    Buffer.concat([
      Buffer.from(
        `#!/bin/sh\n# Stand-in for the Electron binary (packaging test). Fuse wire: ${FUSE_SENTINEL}`,
      ),
      Buffer.from([1, STOCK_FUSES.length]),
      Buffer.from(`${STOCK_FUSES}\nexit 0\n`),
    ]),
    { mode: 0o755 },
  );
  const output = path.join(tmp, 'dist');
  builderLog = await run(
    process.execPath,
    [
      path.join(root, 'node_modules/electron-builder/cli.js'),
      '--linux',
      'dir',
      '--config',
      'build/electron-builder.yml',
      `-c.electronDist=${electronDist}`,
      `-c.directories.output=${output}`,
      '--publish',
      'never',
    ],
    110_000,
  );
  appDir = path.join(output, 'linux-unpacked');
  const archive = path.join(appDir, 'resources', 'app.asar');
  files = asar.listPackage(archive, { isPack: false }).map((f) => f.split(path.sep).join('/'));
  for (const f of files) {
    const m = /^(.*\/node_modules\/(?:@[^/]+\/)?[^/@][^/]*)\/package\.json$/.exec(f);
    if (m) packages.set(m[1]!, JSON.parse(asar.extractFile(archive, f.slice(1)).toString('utf8')));
  }
}, 120_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const has = (p: string) => files.includes(p);
const nameOf = (lockKey: string) =>
  lockKey.slice(lockKey.lastIndexOf('node_modules/') + 'node_modules/'.length);
const prodLock = Object.entries(lock.packages).filter(
  ([key, meta]) => key.startsWith('node_modules/') && !meta.dev && !meta.devOptional,
);
const prodNames = new Set(prodLock.map(([key]) => nameOf(key)));

/** Node's lookup from a package folder inside the asar: ./node_modules/dep, then each parent's node_modules. */
function resolveFrom(dir: string, dep: string): string | null {
  let d = dir;
  for (;;) {
    const candidate = `${d === '/' ? '' : d}/node_modules/${dep}`;
    if (packages.has(candidate)) return candidate;
    if (d === '/' || d === '') return null;
    const up = d.lastIndexOf('/node_modules/');
    d = up <= 0 ? '/' : d.slice(0, up);
  }
}

describe('packaged app (electron-builder --linux dir)', () => {
  it('used the stand-in Electron and downloaded nothing', () => {
    expect(builderLog).toContain('using custom unpacked Electron distribution');
    expect(builderLog).not.toMatch(/downloading|127\.0\.0\.1:9/i);
  });

  it('holds the built app and package.json, and package.json main points into it', () => {
    for (const p of [
      '/out/main/main.js',
      '/out/preload/preload.cjs',
      '/out/renderer/index.html',
      '/package.json',
    ]) {
      expect(has(p), p).toBe(true);
    }
    expect(pkg.main).toBe('out/main/main.js');
    const packed = JSON.parse(
      asar.extractFile(path.join(appDir, 'resources', 'app.asar'), 'package.json').toString('utf8'),
    ) as {
      main: string;
      type?: string;
    };
    expect(packed.main).toBe('out/main/main.js');
    expect(packed.type).toBe('module');
  });

  it('holds nothing but out/, node_modules/ and package.json at the top, and no sources, tests or maps', () => {
    const top = new Set(files.map((f) => f.split('/')[1]));
    expect([...top].sort()).toStrictEqual(['node_modules', 'out', 'package.json']);
    const own = files.filter((f) => !f.startsWith('/node_modules/'));
    expect(own.filter((f) => /\.(ts|tsx|mts|cts|map)$/.test(f))).toStrictEqual([]);
    expect(own.filter((f) => /\/(tests?|src|scripts|shared)(\/|$)/.test(f))).toStrictEqual([]);
    expect(
      own.filter((f) => f.startsWith('/out/') && !/^\/out\/(main|preload|renderer)(\/|$)/.test(f)),
    ).toStrictEqual([]);
  });

  it('holds the production dependencies, and every dependency resolves inside the asar', () => {
    for (const name of ['lowdb', 'zod', 'iconv-lite', 'jschardet', ...Object.keys(pkg.dependencies)]) {
      expect(resolveFrom('/', name), name).not.toBeNull();
    }
    // Every production package of the lockfile, at its version (electron-builder may place it differently).
    const present = new Set([...packages.values()].map((p) => `${p.name}@${p.version}`));
    for (const [key, meta] of prodLock) {
      if (meta.optional) continue;
      const version = (meta as { version?: string }).version;
      expect(present.has(`${nameOf(key)}@${version}`), `${key}@${version}`).toBe(true);
    }
    expect(resolveFrom('/node_modules/lowdb', 'steno')).toBe('/node_modules/steno');
    expect(resolveFrom('/node_modules/iconv-lite', 'safer-buffer')).not.toBeNull();
    // And what each packaged package requires is found by Node's lookup (transitive ones, e.g. steno for lowdb).
    for (const [dir, p] of packages) {
      for (const dep of Object.keys(p.dependencies ?? {})) {
        if (p.optionalDependencies && dep in p.optionalDependencies) continue;
        expect(resolveFrom(dir, dep), `${dir} → ${dep}`).not.toBeNull();
      }
    }
  });

  it('holds no devDependencies', () => {
    const names = new Set([...packages.values()].map((p) => p.name));
    for (const name of Object.keys(pkg.devDependencies)) {
      if (!prodNames.has(name)) expect(names.has(name), name).toBe(false);
    }
    for (const name of [
      'react',
      'react-dom',
      'electron',
      'vite',
      'typescript',
      'vitest',
      'esbuild',
      'electron-builder',
      '@playwright/test',
      'eslint',
    ]) {
      expect(names.has(name), name).toBe(false);
    }
    // Whatever is there is a production package of the lockfile.
    for (const name of names) expect(prodNames.has(name), name).toBe(true);
  });

  it('flipped the Electron fuses in the executable', () => {
    const exe = readFileSync(path.join(appDir, 'analyst-workbench'));
    const at = exe.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
    expect(exe[at]).toBe(1);
    const wire = exe.subarray(at + 2, at + 2 + exe[at + 1]!).toString('latin1');
    // RunAsNode, CookieEncryption, NODE_OPTIONS, --inspect, AsarIntegrity, OnlyLoadAppFromAsar, (V8 snapshot), file:// privileges
    expect(wire).toBe('01001100');
  });
});
