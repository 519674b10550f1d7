import type { Envelope } from '../../../shared/contract';
import { type FromCoreMessage, isToCoreMessage } from '../../../shared/contract/port-protocol';
import type { Core } from '../create-core';
import type { Logger } from '../ports';
import type { MessagePortLike } from './port';

export interface ServingPort {
  /** Stops answering calls and forwarding events; the port itself stays open. */
  stop(): void;
}

/**
 * Serves the contract over a message port: each `call` is dispatched (which validates and never
 * throws) and answered by one `result` with the same id; every bus event is forwarded. This is
 * the IPC twin of the loopback HTTP server.
 */
export function servePort(core: Pick<Core, 'app' | 'bus'>, port: MessagePortLike, logger?: Logger): ServingPort {
  const post = (message: FromCoreMessage) => port.postMessage(message);

  const onMessage = (raw: unknown) => {
    if (!isToCoreMessage(raw) || raw.type !== 'call') return;
    const { id, name, input } = raw;
    void core.app.dispatch(name, input).then((envelope) => {
      try {
        post({ type: 'result', id, envelope });
      } catch (err) {
        // A value the structured clone cannot copy is a handler bug; the caller still gets an answer.
        logger?.error({ err, method: name }, 'result could not be sent over the port');
        const failed: Envelope<never> = { ok: false, error: { code: 'internal', message: 'The answer could not be delivered.' } };
        post({ type: 'result', id, envelope: failed });
      }
    });
  };

  port.on('message', onMessage);
  const unsubscribe = core.bus.subscribe((event) => {
    try {
      post({ type: 'event', event });
    } catch (err) {
      logger?.warn({ err, event: event.name }, 'event could not be sent over the port');
    }
  });

  return {
    stop() {
      port.off('message', onMessage);
      unsubscribe();
    },
  };
}
