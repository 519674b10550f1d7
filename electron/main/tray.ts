import { Menu, Tray, nativeImage } from 'electron';
import type { ConnectionState } from '../../shared/contract/bridge';

export interface TrayConfig {
  icon: string;
  onOpen(): void;
  onQuit(): void;
}

export interface SouqTray {
  /** Shows whether core is answering customers, in the tooltip. */
  setState(state: ConnectionState): void;
  destroy(): void;
}

const TOOLTIPS: Record<ConnectionState, string> = {
  connecting: 'Souqbot — starting…',
  connected: 'Souqbot — running',
  disconnected: 'Souqbot — stopped',
};

/**
 * The bot must keep answering customers when the window is closed, so the app lives in the
 * tray: closing the window hides it; Quit is here.
 */
export function createTray(config: TrayConfig): SouqTray {
  const image = nativeImage.createFromPath(config.icon);
  const tray = new Tray(image.isEmpty() ? nativeImage.createEmpty() : image);
  tray.setToolTip(TOOLTIPS.connecting);
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Open Souqbot', click: config.onOpen },
      { type: 'separator' },
      { label: 'Quit Souqbot', click: config.onQuit },
    ]),
  );
  tray.on('click', config.onOpen);
  return {
    setState: (state) => tray.setToolTip(TOOLTIPS[state]),
    destroy: () => tray.destroy(),
  };
}
