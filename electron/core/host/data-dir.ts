import os from 'node:os';
import path from 'node:path';

/** The OS's per-user app-data folder for Souqbot (what Electron's app.getPath('userData') gives). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Souqbot');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Souqbot');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Souqbot');
}
