import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { EXPORT_LABELS } from '../../src/server/modules/results/export-labels.js';
import {
  ACCOUNTS,
  apiClient,
  checkA11y,
  expectNoHorizontalOverflow,
  HAVSTAD,
  languageOf,
  LEADER_UNIT_CODE,
  scenario,
  signIn,
  subtreeCodes,
  t,
  tabTo,
  waitForPage,
} from '../support/index.js';

// Results of the demo's closed campaigns: a unit leader reads the heatmap of
// their own units (never others), keyboard users reach the numbers behind
// every chart, the XLSX export is a real workbook; the analyst sees only
// aggregate groups; every new page passes axe for the roles that see it.

// Pages with many charts and axe runs on each: more time than the default.
test.describe.configure({ timeout: 180_000 });

type ApiCampaign = { id: string; name: string; status: string; mode: string; closedAt: string | null; closesAt: string };

/** The demo's closed campaigns in the municipality, newest first (looked up, never hard-coded). */
async function closedCampaigns(page: Page, municipalityCode: string): Promise<{ mid: string; campaigns: ApiCampaign[] }> {
  const api = await apiClient(page);
  const mid = api.municipalityId(municipalityCode);
  const all = await api.get<ApiCampaign[]>(`/municipalities/${mid}/campaigns`);
  const campaigns = all
    .filter((c) => c.status === 'closed')
    .sort((a, b) => (b.closedAt ?? b.closesAt).localeCompare(a.closedAt ?? a.closesAt));
  expect(campaigns.length, 'the demo has closed campaigns').toBeGreaterThan(0);
  return { mid, campaigns };
}

/** The focusable scrolling box around a table (sections share the table's name, so pick the box). */
function tableBox(page: Page, name: string) {
  return page.locator('.table-scroll').and(page.getByRole('region', { name, exact: true }));
}

/** Column headers of a heatmap table (group names, without the competence column). */
async function heatmapGroups(page: Page, name: string): Promise<string[]> {
  const table = page.getByRole('table', { name, exact: true });
  await expect(table).toBeVisible();
  return table.locator('thead .heatmap__group-name').allTextContents();
}

test('a unit leader reads the heatmap of their own units, reaches the chart tables by keyboard and exports XLSX', async ({ page }) => {
  const lng = languageOf(ACCOUNTS.leader);
  await signIn(page, ACCOUNTS.leader);
  const { campaigns } = await closedCampaigns(page, HAVSTAD.code);
  const campaign = campaigns[0]!;
  const ownUnits = subtreeCodes(HAVSTAD, LEADER_UNIT_CODE);
  const ownNames = new Set(HAVSTAD.units.filter((u) => ownUnits.has(u.code)).map((u) => u.name));
  const otherNames = HAVSTAD.units.filter((u) => !ownUnits.has(u.code)).map((u) => u.name);

  // From the campaign page to its results.
  await page.goto(`/campaigns/${campaign.id}`);
  await waitForPage(page);
  await page.getByRole('link', { name: t(lng, 'results.openResults') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t(lng, 'results.campaignTitle', { name: campaign.name }) })).toBeVisible();
  await waitForPage(page);

  // The heatmap: the leader's view in total, then only units in their own subtree.
  const groups = await heatmapGroups(page, t(lng, 'results.heatmap.title'));
  expect(groups[0]).toBe(t(lng, 'results.allInView'));
  const units = groups.slice(1);
  expect(units.length, 'at least one unit of their own').toBeGreaterThan(0);
  for (const name of units) expect(ownNames.has(name) || name === t(lng, 'results.otherUnits'), `${name} is one of the leader's units`).toBe(true);
  const heatmapText = await page.getByRole('table', { name: t(lng, 'results.heatmap.title'), exact: true }).innerText();
  for (const name of otherNames) expect(heatmapText).not.toContain(name);
  await expect(page.getByRole('table', { name: t(lng, 'results.heatmap.title'), exact: true }).locator('tbody th[scope="row"]').first()).toBeVisible();

  // Every chart has its numbers one keyboard step away.
  await tableBox(page, t(lng, 'results.heatmap.title')).focus();
  const firstSummary = page.locator('figure.chart summary').first();
  await tabTo(page, firstSummary, { max: 30 });
  await page.keyboard.press('Enter');
  const chartTitle = (await page.locator('figure.chart .chart__title').first().textContent()) ?? '';
  const chartTable = page.getByRole('table', { name: chartTitle, exact: true });
  await expect(chartTable).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(tableBox(page, chartTitle)).toBeFocused();
  expect(await chartTable.locator('tbody tr').count()).toBeGreaterThan(0);
  // The drawing itself is hidden from assistive technology.
  await expect(page.locator('figure.chart .chart__canvas').first()).toHaveAttribute('aria-hidden', 'true');
  await checkA11y(page, 'results (leader)');

  // Filters: one of their units.
  await page.getByLabel(t(lng, 'results.filters.unit'), { exact: true }).selectOption({ index: 1 });
  await expect(page).toHaveURL(/unitId=/);
  await waitForPage(page);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // XLSX export with the current filters.
  const xlsxLink = page.getByRole('link', { name: t(lng, 'results.export.xlsx') });
  await expect(xlsxLink).toHaveAttribute('href', /format=xlsx.*unitId=|unitId=.*format=xlsx/);
  const [download] = await Promise.all([page.waitForEvent('download'), xlsxLink.click()]);
  expect(download.suggestedFilename()).toMatch(/^[a-z0-9-]+-results\.xlsx$/);
  const file = await download.path();
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets = workbook.worksheets.map((w) => w.name);
  const labels = EXPORT_LABELS[lng].sheets;
  expect(sheets).toEqual(expect.arrayContaining([labels.heatmap, labels.details, labels.about]));
  const heatSheet = workbook.getWorksheet(labels.heatmap);
  expect(heatSheet?.rowCount ?? 0).toBeGreaterThan(1);

  // CSV too.
  const csvLink = page.getByRole('link', { name: t(lng, 'results.export.csv') });
  const [csv] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
  expect(csv.suggestedFilename()).toMatch(/-results\.csv$/);

  // On a phone the page does not scroll sideways (wide tables scroll in their own region).
  await page.setViewportSize({ width: 360, height: 740 });
  await page.reload();
  await waitForPage(page);
  await expectNoHorizontalOverflow(page, 'results (360 px)');
  await checkA11y(page, 'results (leader, 360 px)');
});

test('the leader opens the trend, the participants and a profile, and saves a rating', async ({ page }) => {
  const lng = languageOf(ACCOUNTS.leader);
  await signIn(page, ACCOUNTS.leader);
  const { campaigns } = await closedCampaigns(page, HAVSTAD.code);
  const campaign = campaigns.find((c) => c.mode === 'identified') ?? campaigns[0]!;

  await page.getByRole('navigation', { name: t(lng, 'nav.label') }).getByRole('link', { name: t(lng, 'nav.results'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: t(lng, 'results.trend.title') })).toBeVisible();
  await waitForPage(page);
  for (const c of campaigns) await expect(page.getByRole('link', { name: t(lng, 'results.trend.resultsOf', { name: c.name }) })).toBeVisible();
  const trendTable = page.getByRole('table', { name: t(lng, 'results.trend.tableTitle'), exact: true });
  await expect(trendTable).toBeVisible();
  for (const c of campaigns) await expect(trendTable.locator('thead')).toContainText(c.name);
  await checkA11y(page, 'trend (leader)');

  await page.goto(`/campaigns/${campaign.id}/people`);
  await expect(page.getByRole('heading', { level: 1, name: t(lng, 'competenceProfile.respondents.title') })).toBeVisible();
  await waitForPage(page);
  await checkA11y(page, 'participants (leader)');
  const people = page.getByRole('table', { name: t(lng, 'competenceProfile.respondents.title') });
  const first = people.locator('tbody tr').first().getByRole('link');
  const personName = (await first.textContent()) ?? '';
  await first.click();
  await expect(page.getByRole('heading', { level: 1, name: personName })).toBeVisible();
  await waitForPage(page);
  const profile = page.getByRole('table', { name: t(lng, 'competenceProfile.person.profileTitle') });
  await expect(profile.getByRole('columnheader', { name: t(lng, 'competenceProfile.columns.self') })).toBeVisible();
  await expect(profile.getByRole('columnheader', { name: t(lng, 'competenceProfile.columns.leader') })).toBeVisible();
  await checkA11y(page, 'profile (leader)');

  const form = page.locator('form').filter({ has: page.getByRole('button', { name: t(lng, 'competenceProfile.rate.save') }) });
  const firstSelect = form.getByRole('combobox').first();
  await firstSelect.selectOption({ label: t(lng, 'competenceProfile.rate.cannotJudge') });
  await form.getByRole('button', { name: t(lng, 'competenceProfile.rate.save') }).click();
  await expect(page.getByText(t(lng, 'competenceProfile.rate.saved'))).toBeVisible();
  await checkA11y(page, 'profile after saving (leader)');
});

test('an employee sees their own competence profile', async ({ page }) => {
  const lng = languageOf(ACCOUNTS.leader);
  // The leader account is also an employee with a submitted self-assessment in the demo.
  await signIn(page, ACCOUNTS.leader);
  await page.getByRole('navigation', { name: t(lng, 'nav.label') }).getByRole('link', { name: t(lng, 'nav.myCompetence'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: t(lng, 'competenceProfile.mine.title') })).toBeVisible();
  await waitForPage(page);
  await checkA11y(page, 'my competence (leader)');

  const employeeLng = languageOf(ACCOUNTS.employee);
  await page.context().clearCookies();
  await signIn(page, ACCOUNTS.employee);
  await page.goto('/my-competence');
  await expect(page.getByRole('heading', { level: 1, name: t(employeeLng, 'competenceProfile.mine.title') })).toBeVisible();
  await waitForPage(page);
  await checkA11y(page, 'my competence (employee)');
});

test('advisors and admins compare with other municipalities; the admin switches national sharing', async ({ page }) => {
  for (const who of [ACCOUNTS.advisor, ACCOUNTS.admin] as const) {
    const lng = languageOf(who);
    await page.context().clearCookies();
    await signIn(page, who);
    await page.goto('/benchmarks');
    await expect(page.getByRole('heading', { level: 1, name: t(lng, 'benchmarks.title') })).toBeVisible();
    await waitForPage(page);
    await expect(page.getByRole('table', { name: t(lng, 'benchmarks.groups.title') })).toBeVisible();
    await checkA11y(page, `benchmarks (${who})`);

    if (who === ACCOUNTS.advisor) {
      // The whole municipality: every unit large enough, and the total.
      const { campaigns } = await closedCampaigns(page, HAVSTAD.code);
      await page.goto(`/campaigns/${campaigns[0]!.id}/results`);
      await waitForPage(page);
      const groups = await heatmapGroups(page, t(lng, 'results.heatmap.title'));
      expect(groups.length).toBeGreaterThan(2);
      await checkA11y(page, `results (${who})`);
    }
  }

  const lng = languageOf(ACCOUNTS.admin);
  await page.goto('/admin/municipality');
  await waitForPage(page);
  const toggle = page.getByRole('switch', { name: t(lng, 'benchmarks.sharing.label') }).or(page.getByRole('checkbox', { name: t(lng, 'benchmarks.sharing.label') }));
  await expect(toggle).toBeVisible();
  const before = await toggle.isChecked();
  const saved = page.waitForResponse((r) => r.url().includes('/benchmark-sharing') && r.request().method() === 'PUT');
  await toggle.click();
  expect((await saved).ok()).toBe(true);
  await expect(page.getByText(before ? t(lng, 'benchmarks.sharing.savedOff') : t(lng, 'benchmarks.sharing.savedOn'))).toBeVisible();
  await checkA11y(page, 'municipality settings with sharing switch');
  // Put it back as it was.
  const restored = page.waitForResponse((r) => r.url().includes('/benchmark-sharing') && r.request().method() === 'PUT');
  await toggle.click();
  expect((await restored).ok()).toBe(true);
  await expect(toggle).toBeChecked({ checked: before });
});

test('the analyst sees aggregate groups only, never a municipality of the network', async ({ page }) => {
  const lng = languageOf(ACCOUNTS.analyst);
  await signIn(page, ACCOUNTS.analyst);
  await page.getByRole('navigation', { name: t(lng, 'nav.label') }).getByRole('link', { name: t(lng, 'nav.analysis'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: t(lng, 'analysis.title') })).toBeVisible();
  await waitForPage(page);
  const groups = page.getByRole('table', { name: t(lng, 'benchmarks.groups.title') });
  await expect(groups).toBeVisible();
  expect(await groups.locator('tbody tr').count()).toBeGreaterThan(0);

  // No municipality's name anywhere in the figures (tables, chart captions, series).
  const names = [...scenario.municipalities, ...scenario.benchmarkMunicipalities].map((m) => m.name);
  const text = await page.locator('main').innerText();
  for (const name of names) expect(text, `${name} is not shown to the analyst`).not.toContain(name);
  await checkA11y(page, 'analysis (analyst)');

  // Keyboard: the first chart's table.
  const summary = page.locator('figure.chart summary').first();
  if ((await summary.count()) > 0) {
    await tableBox(page, t(lng, 'benchmarks.groups.title')).focus();
    await tabTo(page, summary, { max: 20 });
    await page.keyboard.press('Enter');
    const title = (await page.locator('figure.chart .chart__title').first().textContent()) ?? '';
    await expect(page.getByRole('table', { name: title, exact: true })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(tableBox(page, title)).toBeFocused();
  }

  for (const who of [ACCOUNTS.coordinator, ACCOUNTS.platform] as const) {
    await page.context().clearCookies();
    await signIn(page, who);
    await page.goto('/analysis');
    await expect(page.getByRole('heading', { level: 1, name: t(languageOf(who), 'analysis.title') })).toBeVisible();
    await waitForPage(page);
    const shown = await page.locator('main').innerText();
    for (const name of names) expect(shown, `${name} is not shown on /analysis`).not.toContain(name);
    await checkA11y(page, `analysis (${who})`);
  }
});
