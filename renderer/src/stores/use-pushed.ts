import { useEffect, useRef } from 'react';
import type { EventPayload } from '../../../shared/contract/events';
import { useServices } from '../app/services-context';
import { type PageEvent, followPushed } from './pushed-store';

/**
 * A component's reaction to a page event: `listener` runs on each arrival while the component is mounted. The
 * latest listener is used, so it may close over fresh props without re-following.
 */
export function useOnPushed<E extends PageEvent>(name: E, listener: (payload: EventPayload<E>) => void): void {
  const { pushed } = useServices();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => followPushed(pushed, name, (payload) => latest.current(payload)), [pushed, name]);
}
