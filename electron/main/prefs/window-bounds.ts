import type { WindowBounds } from '../../../shared/desktop/desktop-prefs';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The saved bounds if enough of the window would be on a screen today (a monitor unplugged since, a smaller
 * laptop): at least a 100×50 corner of its top, where the title bar is. Otherwise null, and the window opens centred.
 */
export function restorableBounds(saved: WindowBounds | null, workAreas: Rect[]): WindowBounds | null {
  if (!saved) return null;
  const visible = workAreas.some((area) => {
    const w = Math.min(saved.x + saved.width, area.x + area.width) - Math.max(saved.x, area.x);
    const h = Math.min(saved.y + 50, area.y + area.height) - Math.max(saved.y, area.y);
    return w >= 100 && h >= 50;
  });
  return visible ? saved : null;
}

/** Calls `save` once the window has stopped moving for `ms` (a drag fires many events). */
export function debounced<T>(save: (value: T) => void, ms: number, timers = { setTimeout, clearTimeout }) {
  let handle: ReturnType<typeof setTimeout> | null = null;
  let last: T | null = null;
  return {
    push(value: T): void {
      last = value;
      if (handle) timers.clearTimeout(handle);
      handle = timers.setTimeout(() => {
        handle = null;
        if (last !== null) save(last);
        last = null;
      }, ms);
    },
    /** Saves now what is pending (on quit). */
    flush(): void {
      if (handle) timers.clearTimeout(handle);
      handle = null;
      if (last !== null) save(last);
      last = null;
    },
  };
}
