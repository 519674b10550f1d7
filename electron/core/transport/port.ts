/**
 * The least a message port must do for core's transport: Node's worker_threads MessagePort fits
 * as is; Electron's `process.parentPort` fits through `adaptParentPort` (it wraps each message
 * in an event's `data`).
 */
export interface MessagePortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
}

/** The shape of Electron's `process.parentPort` inside a utilityProcess, declared here so core never imports electron. */
export interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  off(event: 'message', listener: (event: { data: unknown }) => void): unknown;
}

export function adaptParentPort(parent: ParentPortLike): MessagePortLike {
  const wrapped = new Map<(message: unknown) => void, (event: { data: unknown }) => void>();
  return {
    postMessage: (message) => parent.postMessage(message),
    on(_event, listener) {
      const unwrap = (event: { data: unknown }) => listener(event.data);
      wrapped.set(listener, unwrap);
      parent.on('message', unwrap);
    },
    off(_event, listener) {
      const unwrap = wrapped.get(listener);
      if (!unwrap) return;
      wrapped.delete(listener);
      parent.off('message', unwrap);
    },
  };
}
