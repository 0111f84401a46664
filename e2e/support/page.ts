import { expect, type Locator, type Page } from '@playwright/test';

/** A page has rendered: its one h1 is shown and nothing is loading any more. */
export async function waitForPage(page: Page): Promise<void> {
  await expect(page.locator('h1#page-title')).toBeVisible();
  await expect(page.locator('.loading')).toHaveCount(0);
}

/** The document does not scroll sideways, and nothing sticks out of the viewport unless inside a scroll box. */
export async function expectNoHorizontalOverflow(page: Page, label: string): Promise<void> {
  const result = await page.evaluate(() => {
    const width = window.innerWidth;
    const scrolls = (el: Element | null): boolean => {
      for (let e = el; e && e !== document.body; e = e.parentElement) {
        const style = getComputedStyle(e);
        if (['auto', 'scroll'].includes(style.overflowX)) return true;
      }
      return false;
    };
    const sticking: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0 || rect.right <= width + 1) continue;
      if (el.closest('.visually-hidden, [hidden]') || scrolls(el.parentElement)) continue;
      if (getComputedStyle(el).visibility === 'hidden') continue;
      sticking.push(`${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} (right edge ${Math.round(rect.right)} px) "${(el.textContent ?? '').trim().slice(0, 40)}"`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, sticking: sticking.slice(0, 10) };
  });
  expect(result.scrollWidth, `${label}: document is ${result.scrollWidth} px wide in a ${result.width} px viewport`).toBeLessThanOrEqual(result.width);
  expect(result.sticking, `${label}: content outside the ${result.width} px viewport (clipped, not scrollable)`).toEqual([]);
}

/** The focused element shows a visible focus indicator (outline or focus ring shadow). */
export async function expectFocusVisible(locator: Locator): Promise<void> {
  await expect(locator).toBeFocused();
  const style = await locator.evaluate((el) => {
    const s = getComputedStyle(el);
    return {
      focusVisible: el.matches(':focus-visible'),
      outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 ? `${s.outlineWidth} ${s.outlineStyle}` : '',
      shadow: s.boxShadow !== 'none' ? s.boxShadow : '',
    };
  });
  expect(style.focusVisible, 'element matches :focus-visible').toBe(true);
  expect(style.outline || style.shadow, 'focus indicator (outline or box-shadow)').not.toBe('');
}

/** Press Tab (or Shift+Tab) until the locator has focus; fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, options: { backwards?: boolean; max?: number } = {}): Promise<number> {
  const key = options.backwards ? 'Shift+Tab' : 'Tab';
  const max = options.max ?? 40;
  for (let i = 1; i <= max; i += 1) {
    await page.keyboard.press(key);
    if (await target.evaluate((el) => el === document.activeElement)) return i;
  }
  throw new Error(`${target.toString()} not reached with ${max} × ${key}`);
}

/** Describe what has focus, for assertion messages. */
export async function focusedDescription(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return 'nothing';
    return `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60)}"`;
  });
}
