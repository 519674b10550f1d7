import type { EventBus } from '../events';
import { type MessageRow, toMessage } from '../conversations';
import type { PipelineLookups } from './pipeline-lookups-store';
import type { PipelineStore } from './pipeline-store';

/**
 * The UI's view of pipeline rows: messages/new, messages/status and conversations/updated, each read from the store
 * only when someone listens (the CLI and benchmarks run without a window).
 */
export function makePipelineEvents(bus: EventBus, store: PipelineStore, lookups: PipelineLookups) {
  return {
    /** `held`: the row as just written, so the event needs no read back. */
    emitMessage(id: number, name: 'messages/new' | 'messages/status' = 'messages/new', held?: MessageRow) {
      if (!bus.hasListeners(name)) return;
      const row = held ?? store.message(id);
      if (row) bus.emit(name, toMessage(row));
    },
    emitConversation(id: number) {
      if (!bus.hasListeners('conversations/updated')) return;
      const conversation = lookups.conversation(id);
      if (conversation) bus.emit('conversations/updated', conversation);
    },
  };
}
export type PipelineEvents = ReturnType<typeof makePipelineEvents>;
