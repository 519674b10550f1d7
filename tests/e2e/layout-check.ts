/// <reference lib="dom" />
import type { Page } from 'playwright-core';

export interface LayoutReport {
  /** Elements whose box runs past the viewport edge without a clipping (scroll) box around them. */
  overflowing: string[];
  /** The page itself scrolls sideways. */
  pageScrollsSideways: boolean;
  /** Pairs of the frame's regions (navigation, main, status bar) that cover each other. */
  overlapping: string[];
}

/**
 * Walks every rendered element in the browser. An element may extend past the viewport only
 * inside an ancestor that clips it (overflow other than visible: its own scroll box); regions of
 * the frame must not cover one another.
 */
export function checkLayout(page: Page): Promise<LayoutReport> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const describe = (el: Element) => {
      const id = el.getAttribute('data-testid') ?? el.id;
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${id ? `#${id}` : ''}${cls}`;
    };
    const clipped = (el: Element): boolean => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflowX !== 'visible' || s.overflowY !== 'visible') return true;
        if (s.position === 'fixed') return false;
      }
      return false;
    };
    const overflowing: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) continue; // hidden, or visually-hidden labels
      if (r.bottom <= 0) continue; // parked above the page until focused (the skip link)
      const s = getComputedStyle(el);
      if (s.visibility === 'hidden' || s.display === 'contents') continue;
      const out = r.left < -1 || r.right > vw + 1 || r.top < -1 || r.bottom > vh + 1;
      if (out && !clipped(el))
        overflowing.push(`${describe(el)} [${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}]`);
    }
    const regions = ['.nav', '.main', '.status-bar'].map((sel) => [sel, document.querySelector(sel)?.getBoundingClientRect()] as const);
    const overlapping: string[] = [];
    for (let i = 0; i < regions.length; i++) {
      for (let j = i + 1; j < regions.length; j++) {
        const [na, a] = regions[i] ?? [];
        const [nb, b] = regions[j] ?? [];
        if (!a || !b || a.width === 0 || b.width === 0) continue;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 1 && h > 1) overlapping.push(`${na} × ${nb}`);
      }
    }
    return { overflowing: overflowing.slice(0, 20), pageScrollsSideways: document.documentElement.scrollWidth > vw + 1, overlapping };
  });
}
