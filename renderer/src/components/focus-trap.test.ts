import { describe, expect, it } from 'vitest';
import { trapTarget } from './focus-trap';

describe('dialog focus trap', () => {
  const items = ['close', 'name', 'text', 'save'];
  it('wraps Tab from the last item to the first, Shift+Tab from the first to the last', () => {
    expect(trapTarget(items, 'save', false)).toBe('close');
    expect(trapTarget(items, 'close', true)).toBe('save');
  });
  it('lets the browser move focus between inner items', () => {
    expect(trapTarget(items, 'name', false)).toBeNull();
    expect(trapTarget(items, 'text', true)).toBeNull();
  });
  it('pulls focus back in when it escaped the dialog', () => {
    expect(trapTarget(items, 'page-button', false)).toBe('close');
    expect(trapTarget(items, null, true)).toBe('save');
    expect(trapTarget([], 'x', false)).toBeNull();
  });
});
