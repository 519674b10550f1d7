import { useVirtualizer } from '@tanstack/react-virtual';
import { type FocusEvent, type KeyboardEvent, useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { Conversation } from '../../../../shared/domain/schemas';
import { useServices } from '../../app/services-context';
import { useLocale } from '../../i18n/use-locale';
import { useT, useTn } from '../../i18n/use-t';
import { displayJid, formatWhen } from './format';
import { strings } from './i18n';

const ROW_HEIGHT = 68;

/**
 * Only the rows in view (plus a few) exist in the DOM, whatever the number of conversations;
 * pages of the list are fetched from core as they scroll into view.
 */
export function ConversationList() {
  const t = useT(strings);
  const { inbox } = useServices();
  const total = useStore(inbox, (s) => s.total);
  const rows = useStore(inbox, (s) => s.rows);
  const listLoaded = useStore(inbox, (s) => s.listLoaded);
  const selectedId = useStore(inbox, (s) => s.selectedId);
  const ensureRange = useStore(inbox, (s) => s.ensureRange);
  const select = useStore(inbox, (s) => s.select);
  const parentRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    getItemKey: (index) => rows[index]?.id ?? `hole-${index}`,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (total > 0) ensureRange(first, last);
  }, [first, last, total, ensureRange]);

  // Arrow keys move between conversations, as in a mail client. The cursor is kept here, not
  // read back from the focused element: a fast second key press can come before the focus moved.
  const cursor = useRef(-1);
  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const index = (e.target as HTMLElement).dataset.index;
    if (index !== undefined) cursor.current = Number(index);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const next = Math.max(0, Math.min(total - 1, cursor.current + (e.key === 'ArrowDown' ? 1 : -1)));
    cursor.current = next;
    e.preventDefault();
    virtualizer.scrollToIndex(next);
    requestAnimationFrame(() => parentRef.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus());
  };

  if (listLoaded && total === 0) {
    return <p className="list-empty muted">{t('empty')}</p>;
  }

  return (
    <div ref={parentRef} className="conversation-list" data-testid="conversation-list" onKeyDown={onKeyDown} onFocus={onFocus}>
      <div role="list" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const row = rows[item.index];
          return (
            <div
              key={item.key}
              role="listitem"
              className="conversation-slot"
              style={{
                position: 'absolute',
                insetInlineStart: 0,
                insetBlockStart: 0,
                width: '100%',
                height: ROW_HEIGHT,
                transform: `translateY(${item.start}px)`,
              }}
            >
              {row ? (
                <ConversationRow
                  conversation={row}
                  index={item.index}
                  selected={row.id === selectedId}
                  onOpen={() => void select(row.id)}
                />
              ) : (
                <div className="conversation-row placeholder" aria-hidden="true" data-testid="conversation-row" data-index={item.index}>
                  <span className="skeleton" />
                </div>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function ConversationRow({
  conversation: c,
  index,
  selected,
  onOpen,
}: {
  conversation: Conversation;
  index: number;
  selected: boolean;
  onOpen: () => void;
}) {
  const t = useT(strings);
  const tn = useTn(strings);
  const locale = useLocale();
  const name = c.contactName ?? displayJid(c.contactJid);
  return (
    <button
      type="button"
      className={`conversation-row${selected ? ' selected' : ''}${c.unread > 0 ? ' has-unread' : ''}`}
      data-testid="conversation-row"
      data-index={index}
      data-conversation-id={c.id}
      aria-current={selected ? 'true' : undefined}
      onClick={onOpen}
    >
      <span className="row-top">
        <span className="row-name">
          <bdi>{name}</bdi>
        </span>
        <span className="row-time">{formatWhen(c.lastMessageAt, locale)}</span>
      </span>
      <span className="row-bottom">
        {/* Its own direction, so a French preview in the Arabic UI is cut at its end, not its start. */}
        <span className="row-preview" dir="auto">
          {c.lastPreview ?? ''}
        </span>
        {c.status !== 'open' && <span className={`badge badge-${c.status}`}>{t(`status.${c.status}`)}</span>}
        {c.unread > 0 && (
          <span className="unread" aria-label={tn('unread', c.unread)}>
            {c.unread}
          </span>
        )}
      </span>
    </button>
  );
}
