// `npm start` (after the build): open the desktop app, or, where the Electron binary is missing, say so in
// one line and serve the same workbench through the localhost host, opening it in the default browser when
// there is a display.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);

let electronPath = null;
try {
  electronPath = createRequire(import.meta.url)('electron');
} catch {
  electronPath = null;
}

if (typeof electronPath === 'string') {
  const child = spawn(electronPath, ['.', ...args], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    'Electron binary not found (it cannot be downloaded here): serving the workbench in your browser instead.',
  );
  const child = spawn(process.execPath, ['out/cli/cli.js', 'serve', ...args], {
    cwd: root,
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  let opened = false;
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(String(chunk));
    if (
      m &&
      !opened &&
      (process.env.DISPLAY || process.env.WAYLAND_DISPLAY || process.platform !== 'linux')
    ) {
      opened = true;
      const opener =
        process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
      spawn(opener, [m[1]], { stdio: 'ignore', detached: true })
        .on('error', () => {})
        .unref();
    }
  });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}
