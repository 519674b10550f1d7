import { contextBridge, ipcRenderer } from 'electron';
import type { Bridge } from '../../shared/contract/bridge';
import { makeIpcBridge } from './make-bridge';

/**
 * The sandboxed preload: exposes exactly one object, `window.souq`, holding the three Bridge
 * functions. Never the raw ipcRenderer (a page script with it could talk to any channel).
 */
const souq = makeIpcBridge(ipcRenderer) satisfies Bridge;

contextBridge.exposeInMainWorld('souq', souq);
