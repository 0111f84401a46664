import { expect, type Page, test } from '@playwright/test';
import { account, ACCOUNTS, type AccountKey, apiClient, checkA11y, expectNoHorizontalOverflow, HAVSTAD, type Language, signIn, t, waitForPage } from '../support/index.js';

// Every role's own view of the app: each page its navigation offers, on a
// desktop and on a 360 px phone with the menu opened, must have no serious or
// critical axe-core violations.
const ROLES: AccountKey[] = ['admin', 'leader', 'ombud', 'employee', 'coordinator', 'analyst', 'platform'];

type NavLink = { name: string; href: string };

async function navLinks(page: Page, lng: Language): Promise<NavLink[]> {
  const nav = page.getByRole('navigation', { name: t(lng, 'nav.label') });
  await expect(nav.getByRole('link').first()).toBeVisible();
  return nav.getByRole('link').evaluateAll((links) =>
    links.map((a) => ({ name: (a.textContent ?? '').trim(), href: a.getAttribute('href') ?? '' })),
  );
}

async function openPage(page: Page, link: NavLink): Promise<void> {
  await page.goto(link.href);
  await expect(page.locator('h1#page-title')).toBeVisible();
  await waitForPage(page);
}

for (const role of ROLES) {
  const email = ACCOUNTS[role];
  const lng = account(email).preferredLanguage;

  test(`${role} (${email}): every page in the menu passes axe on desktop and phone`, async ({ page }) => {
    // Two viewports × every menu page (a dozen for administrators) with axe each time.
    test.setTimeout(240_000);
    await signIn(page, email);
    const links = await navLinks(page, lng);
    expect(links.map((l) => l.href)).toContain('/');
    expect(links.map((l) => l.href)).toContain('/profile');

    for (const link of links) {
      await test.step(`desktop ${link.href}`, async () => {
        // Follow the menu itself the first time round, as a user would.
        await page.getByRole('navigation', { name: t(lng, 'nav.label') }).getByRole('link', { name: link.name, exact: true }).click();
        await expect(page).toHaveURL(new RegExp(`${link.href.replace(/\//g, '\\/')}$`));
        await expect(page.locator('h1#page-title')).toBeVisible();
        await waitForPage(page);
        await expect(page.getByRole('heading', { level: 1, name: t(lng, 'states.forbiddenTitle') })).toHaveCount(0);
        await checkA11y(page, `${role} ${link.href}`);
        if (link.href === '/admin/municipality') {
          await page.getByRole('tab', { name: t(lng, 'admin.municipality.grantsTab') }).click();
          await expect(page.getByRole('heading', { level: 2, name: t(lng, 'admin.municipality.grantsTab') })).toBeVisible();
          await waitForPage(page);
          await checkA11y(page, `${role} ${link.href} (roles tab)`);
        }
      });
    }

    await page.setViewportSize({ width: 360, height: 740 });
    for (const link of links) {
      await test.step(`phone ${link.href}`, async () => {
        await openPage(page, link);
        const menuButton = page.getByRole('button', { name: t(lng, 'header.menu') });
        await expect(page.getByRole('navigation', { name: t(lng, 'nav.label') })).toBeHidden();
        await menuButton.click();
        await expect(page.getByRole('button', { name: t(lng, 'header.closeMenu') })).toHaveAttribute('aria-expanded', 'true');
        const nav = page.getByRole('navigation', { name: t(lng, 'nav.label') });
        await expect(nav).toBeVisible();
        await expect(nav.getByRole('link')).toHaveText(links.map((l) => l.name));
        await expectNoHorizontalOverflow(page, `${role} ${link.href} (phone, menu open)`);
        await checkA11y(page, `${role} ${link.href} (360 px, menu open)`);
      });
    }
  });
}

// Learning pages the menu does not link to: a learner reaches them from the
// catalogue (an item's page per kind, the demo workshop's sessions, a demo
// course's learner page). Same checks as above, on desktop and on a phone.
test('employee: the learning pages behind the catalogue pass axe on desktop and phone', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, ACCOUNTS.employee);
  const api = await apiClient(page);
  const municipalityId = api.municipalityId(HAVSTAD.code);
  const { items } = await api.get<{ items: { id: string; kind: string }[] }>(`/municipalities/${municipalityId}/learning/items?pageSize=100`);
  const demoItem = (kind: string) => {
    const found = items.find((i) => i.kind === kind);
    expect(found, `a published demo ${kind} item`).toBeTruthy();
    return found!.id;
  };
  const paths = [
    `/learning/items/${demoItem('video')}`,
    `/learning/items/${demoItem('link')}`,
    `/learning/items/${demoItem('course')}`,
    `/learning/items/${demoItem('course')}/learn`,
    `/learning/items/${demoItem('event')}/sessions`,
  ];
  for (const phone of [false, true]) {
    if (phone) await page.setViewportSize({ width: 360, height: 740 });
    for (const path of paths) {
      await test.step(`${phone ? 'phone' : 'desktop'} ${path}`, async () => {
        await page.goto(path);
        await expect(page.locator('h1#page-title')).toBeVisible();
        await waitForPage(page);
        if (phone) await expectNoHorizontalOverflow(page, `employee ${path} (phone)`);
        await checkA11y(page, `employee ${path}${phone ? ' (360 px)' : ''}`);
      });
    }
  }
});
