// Where the desktop app keeps its library by default, computed the way Electron's app.getPath('userData')
// does, so that `npm start` without the Electron binary opens the same library the app would.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Analyst Workbench';

export function defaultUserDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

export function defaultLibraryDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  return env.WORKBENCH_LIBRARY || join(defaultUserDataDir(env, platform), 'library');
}
