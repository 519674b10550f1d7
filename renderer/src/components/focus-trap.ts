/** What can take keyboard focus inside a dialog. */
export const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Where Tab (or Shift+Tab) should go inside a dialog: wrap from the last item to the first and
 * back; pull focus back in if it is outside; null lets the browser move it (inside, not at an end).
 */
export function trapTarget<T>(items: readonly T[], active: T | null, shift: boolean): T | null {
  const head = items[0];
  const tail = items.at(-1);
  if (head === undefined || tail === undefined) return null;
  const at = active === null ? -1 : items.indexOf(active);
  if (at < 0) return shift ? tail : head;
  if (shift && at === 0) return tail;
  if (!shift && at === items.length - 1) return head;
  return null;
}
