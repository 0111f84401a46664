import { expect, type Locator, type Page, test } from '@playwright/test';
import {
  ACCOUNTS,
  expectFocusVisible,
  focusedDescription,
  HAVSTAD,
  signIn,
  t,
  tabTo,
  unit,
  waitForPage,
} from '../support/index.js';

const nb = (key: string, vars?: Record<string, string | number>) => t('nb', key, vars);
const nav = (page: Page) => page.getByRole('navigation', { name: nb('nav.label') });

/** Open a page and start keyboard navigation from the top of the document. */
async function freshPage(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await waitForPage(page);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

async function expectFocusInside(page: Page, container: Locator): Promise<void> {
  const inside = await container.evaluate((el) => el.contains(document.activeElement));
  expect(inside, `focus inside the dialog, not on ${await focusedDescription(page)}`).toBe(true);
}

/**
 * A modal dialog keeps focus from the page behind it: Tab moves within the
 * dialog, and past its last control at most to the browser itself (the
 * document body in a headless browser), never to the page.
 */
async function expectFocusNotBehind(page: Page, container: Locator): Promise<void> {
  const where = await container.evaluate((el) => {
    const active = document.activeElement;
    if (!active || active === document.body) return 'browser';
    return el.contains(active) ? 'dialog' : 'page';
  });
  expect(where, `focus left the dialog for ${await focusedDescription(page)}`).not.toBe('page');
}

test.describe('keyboard only', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, ACCOUNTS.admin);
  });

  test('the main navigation: Tab to a link, Enter follows it and focus moves to the new page', async ({ page }) => {
    await freshPage(page, '/');
    const units = nav(page).getByRole('link', { name: nb('nav.units'), exact: true });
    await tabTo(page, units);
    await expectFocusVisible(units);

    // Shift+Tab walks back through the menu.
    await page.keyboard.press('Shift+Tab');
    await expectFocusVisible(nav(page).getByRole('link', { name: nb('nav.import'), exact: true }));
    await page.keyboard.press('Tab');
    await expect(units).toBeFocused();

    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/units$/);
    await expect(page.getByRole('heading', { level: 1, name: nb('units.title') })).toBeVisible();
    await expect(units).toHaveAttribute('aria-current', 'page');
    // Focus starts at the new content, so the next Tab is inside the page, not back in the header.
    await expect(page.locator('main#main')).toBeFocused();
    await page.keyboard.press('Tab');
    await expectFocusVisible(page.getByRole('button', { name: nb('units.addServiceArea') }));
    // Back from the page, Shift+Tab reaches the end of the header.
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByRole('button', { name: nb('header.signOut') })).toBeFocused();
  });

  test('the phone menu opens with Enter or Space, closes with Escape and gives focus back', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await freshPage(page, '/');
    const menuButton = page.getByRole('button', { name: nb('header.menu') });
    await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
    await expect(nav(page)).toBeHidden();

    await tabTo(page, menuButton);
    await expectFocusVisible(menuButton);
    await page.keyboard.press('Enter');
    const closeButton = page.getByRole('button', { name: nb('header.closeMenu') });
    await expect(closeButton).toHaveAttribute('aria-expanded', 'true');
    await expect(nav(page)).toBeVisible();

    // The menu follows its button in the tab order.
    await page.keyboard.press('Tab');
    await expectFocusVisible(nav(page).getByRole('link', { name: nb('nav.home'), exact: true }));
    await page.keyboard.press('Tab');
    await expect(nav(page).getByRole('link', { name: nb('nav.people'), exact: true })).toBeFocused();

    await page.keyboard.press('Escape');
    await expect(nav(page)).toBeHidden();
    await expect(menuButton).toBeFocused();
    await expect(menuButton).toHaveAttribute('aria-expanded', 'false');

    await page.keyboard.press('Space');
    await expect(closeButton).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/people$/);
    await expect(page.getByRole('heading', { level: 1, name: nb('people.title') })).toBeVisible();
    // The menu closes after navigating and focus is on the new page.
    await expect(nav(page)).toBeHidden();
    await expect(page.locator('main#main')).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(menuButton).toBeFocused();
    await page.keyboard.press('Space');
    await expect(nav(page)).toBeVisible();
    await page.keyboard.press('Space');
    await expect(nav(page)).toBeHidden();
    await expect(menuButton).toBeFocused();
  });

  test('the unit tree folds and unfolds with Enter and Space', async ({ page }) => {
    await freshPage(page, '/units');
    const tree = page.getByRole('list', { name: nb('units.treeLabel') });
    const area = unit(HAVSTAD, 'HH');
    const child = unit(HAVSTAD, 'HH-LT');
    const collapse = tree.getByRole('button', { name: nb('units.collapse', { name: area.name }), exact: true });
    const expand = tree.getByRole('button', { name: nb('units.expand', { name: area.name }), exact: true });
    const childName = tree.locator('.unit-node__name').getByText(child.name, { exact: true });
    await expect(childName).toBeVisible();

    await tabTo(page, collapse, { max: 80 });
    await expectFocusVisible(collapse);
    await expect(collapse).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Enter');
    await expect(expand).toBeFocused();
    await expect(expand).toHaveAttribute('aria-expanded', 'false');
    await expect(childName).toBeHidden();

    await page.keyboard.press('Space');
    await expect(collapse).toBeFocused();
    await expect(collapse).toHaveAttribute('aria-expanded', 'true');
    await expect(childName).toBeVisible();

    // Next in the tab order: the unit's own actions, named after the unit.
    await page.keyboard.press('Tab');
    await expectFocusVisible(tree.getByRole('button', { name: `${nb('units.addChild')} ${nb('units.under', { name: area.name })}`, exact: true }));

    // "Hide all" and "Show all" work from the keyboard too.
    const hideAll = page.getByRole('button', { name: nb('units.collapseAll') });
    await tabTo(page, hideAll, { backwards: true, max: 80 });
    await page.keyboard.press('Enter');
    await expect(tree.locator('[aria-expanded="true"]')).toHaveCount(0);
    await expect(childName).toBeHidden();
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByRole('button', { name: nb('units.expandAll') })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(tree.locator('[aria-expanded="false"]')).toHaveCount(0);
    await expect(childName).toBeVisible();
  });

  test('dialogs: focus moves in, stays in, Escape or Cancel closes, and focus returns to the opener', async ({ page }) => {
    await freshPage(page, '/units');
    const area = unit(HAVSTAD, 'HH');

    // New service area: open with Enter, errors are announced at the field, Escape closes.
    const add = page.getByRole('button', { name: nb('units.addServiceArea') });
    await tabTo(page, add);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: nb('units.addServiceArea') });
    await expect(dialog).toBeVisible();
    await expectFocusInside(page, dialog);
    let visits = 0;
    for (let i = 0; i < 12; i += 1) {
      await page.keyboard.press('Tab');
      await expectFocusNotBehind(page, dialog);
      if (await dialog.evaluate((el) => el.contains(document.activeElement))) visits += 1;
    }
    expect(visits, 'Tab cycles through the dialog').toBeGreaterThanOrEqual(10);
    const name = dialog.getByRole('textbox', { name: nb('units.fields.name'), exact: true });
    await tabTo(page, name);
    await expectFocusVisible(name);
    await page.keyboard.press('Enter');
    await expect(dialog.getByText(nb('validation.required'))).toBeVisible();
    await expect(name).toBeFocused();
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(add).toBeFocused();

    // Edit a unit: the form is filled in; Cancel (with Enter) closes and returns focus.
    const edit = page.getByRole('button', { name: `${nb('common.edit')} ${area.name}`, exact: true });
    await tabTo(page, edit, { max: 80 });
    await page.keyboard.press('Enter');
    const editDialog = page.getByRole('dialog', { name: nb('units.editTitle') });
    await expect(editDialog).toBeVisible();
    await expect(editDialog.getByRole('textbox', { name: nb('units.fields.name'), exact: true })).toHaveValue(area.name);
    await expectFocusInside(page, editDialog);
    await tabTo(page, editDialog.getByRole('button', { name: nb('common.cancel') }));
    await page.keyboard.press('Enter');
    await expect(editDialog).toBeHidden();
    await expect(edit).toBeFocused();

    // Delete asks first: Space opens the question, Escape leaves everything as it was.
    await page.keyboard.press('Tab');
    const remove = page.getByRole('button', { name: `${nb('common.delete')} ${area.name}`, exact: true });
    await expect(remove).toBeFocused();
    await page.keyboard.press('Space');
    const confirm = page.getByRole('dialog', { name: nb('units.deleteTitle', { name: area.name }) });
    await expect(confirm).toBeVisible();
    await expectFocusInside(page, confirm);
    await page.keyboard.press('Escape');
    await expect(confirm).toBeHidden();
    await expect(remove).toBeFocused();
    await expect(page.getByRole('list', { name: nb('units.treeLabel') }).locator('.unit-node__name').getByText(area.name, { exact: true })).toBeVisible();
  });
});
