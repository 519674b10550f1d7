import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Check, TextField } from './Field';
import { SaveBar, type SaveBarKeys } from './SaveBar';

const noop = () => {};
const words: Record<SaveBarKeys, string> = { save: 'Save', saving: 'Saving…', saved: 'Saved.', fixErrors: 'Fix the marked fields.' };
const t = (key: SaveBarKeys) => words[key];

describe('TextField', () => {
  it('names the hint and the error it shows in aria-describedby, and is invalid only with an error', () => {
    const both = renderToStaticMarkup(
      createElement(TextField, { id: 'f', label: 'Name', hint: 'Why', error: 'Wrong', value: '', onChange: noop }),
    );
    expect(both).toContain('<label for="f">Name</label>');
    expect(both).toContain('aria-describedby="f-hint f-error"');
    expect(both).toContain('aria-invalid="true"');
    expect(both).toContain('<span id="f-hint" class="muted small">Why</span>');
    expect(both).toContain('<span id="f-error" class="error small">Wrong</span>');

    const plain = renderToStaticMarkup(createElement(TextField, { id: 'f', label: 'Name', error: null, value: 'x', onChange: noop }));
    expect(plain).not.toContain('aria-describedby');
    expect(plain).not.toContain('aria-invalid');
    expect(plain).not.toContain('class="error');
  });

  it('keeps an existing hint or error id when the page names one', () => {
    const html = renderToStaticMarkup(
      createElement(TextField, {
        id: 'time-zone',
        label: 'Zone',
        error: 'Bad',
        errorId: 'tz-error',
        multiline: true,
        value: '',
        onChange: noop,
      }),
    );
    expect(html).toContain('<textarea id="time-zone"');
    expect(html).toContain('aria-describedby="tz-error"');
    expect(html).toContain('id="tz-error"');
  });
});

describe('Check', () => {
  it('is a checkbox by default and a radio of its group when asked, its words after the box', () => {
    expect(renderToStaticMarkup(createElement(Check, { label: 'On', checked: true, onChange: noop }))).toBe(
      '<label><input type="checkbox" checked=""/> On</label>',
    );
    expect(
      renderToStaticMarkup(createElement(Check, { type: 'radio', name: 'g', value: 'a', label: 'A', checked: false, onChange: noop })),
    ).toBe('<label><input type="radio" name="g" value="a"/> A</label>');
  });
});

describe('SaveBar', () => {
  const status = (props: Partial<Parameters<typeof SaveBar>[0]>) =>
    renderToStaticMarkup(createElement(SaveBar, { saving: false, saved: false, error: null, invalid: false, t, ...props }));

  it("says what the last save did, core's error first, and blocks a second save while one runs", () => {
    expect(status({})).toContain('<span role="status" aria-live="polite" class="muted"></span>');
    expect(status({ saved: true })).toContain('class="muted">Saved.</span>');
    expect(status({ saved: true, invalid: true })).toContain('class="error">Fix the marked fields.</span>');
    expect(status({ invalid: true, error: 'Disk full' })).toContain('class="error">Disk full</span>');
    expect(status({ saving: true })).toContain('<button type="submit" class="primary" disabled="">Saving…</button>');
  });
});
