import type { EventMessage } from '../../../shared/contract/events';

/** The part of Electron's powerSaveBlocker and powerMonitor keep-awake uses (see electron-ports.ts). */
export interface PowerPort {
  /** Starts a 'prevent-app-suspension' blocker; returns its id. */
  start(): number;
  stop(id: number): void;
  onBattery(): boolean;
  /** Called when the machine switches between battery and mains. */
  onPowerChange(listener: () => void): void;
}

export interface KeepAwakeDeps {
  power: PowerPort;
  /** Tells the seller once per battery stretch that keep-awake drains it. */
  warnOnBattery(): void;
}

/**
 * Keeps the computer from sleeping while Souqbot has work to do: the setting is on, a WhatsApp number is linked and
 * connected, and the bot is on (core running, not paused by a full disk). A sleeping laptop answers nobody.
 */
export function makeKeepAwake(deps: KeepAwakeDeps) {
  let enabled = false;
  let coreUp = false;
  let storageOk = true;
  const connected = new Set<number>();
  let blocker: number | null = null;
  let warned = false;

  const wanted = () => enabled && coreUp && storageOk && connected.size > 0;

  function sync(): void {
    if (wanted() && blocker === null) blocker = deps.power.start();
    if (!wanted() && blocker !== null) {
      deps.power.stop(blocker);
      blocker = null;
    }
    if (!deps.power.onBattery()) warned = false;
    else if (blocker !== null && !warned) {
      warned = true;
      deps.warnOnBattery();
    }
  }
  deps.power.onPowerChange(sync);

  return {
    setEnabled(on: boolean): void {
      enabled = on;
      sync();
    },
    setCoreState(state: 'connecting' | 'connected' | 'disconnected'): void {
      coreUp = state === 'connected';
      // A restarted core starts with no number connected: its reconnects will say so again.
      if (!coreUp) connected.clear();
      sync();
    },
    onEvent(event: EventMessage): void {
      if (event.name === 'accounts/status') {
        const { accountId, status } = (event as EventMessage<'accounts/status'>).payload;
        if (status === 'connected') connected.add(accountId);
        else connected.delete(accountId);
      } else if (event.name === 'system/storage') {
        storageOk = (event as EventMessage<'system/storage'>).payload.state === 'ok';
      } else return;
      sync();
    },
    get active(): boolean {
      return blocker !== null;
    },
  };
}
export type KeepAwake = ReturnType<typeof makeKeepAwake>;
