import { expect, type Page, test } from '@playwright/test';
import type { FrameworkSummary, FrameworkVersionDetail, Localized } from '../../src/shared/api/frameworks.js';
import type { RoleProfile, RoleProfileTemplate } from '../../src/shared/api/role-profiles.js';
import {
  ACCOUNTS,
  apiClient,
  checkA11y,
  expectNoHorizontalOverflow,
  type Language,
  languageOf,
  signIn,
  t,
  uniqueName,
  uniqueSuffix,
  waitForPage,
} from '../support/index.js';

// Competence frameworks (browse, import) and role profiles (create from a
// template, edit the required levels, copy, delete; read-only for leaders).
// Every account sees the app in its own language, so texts come from its
// message file and framework content is picked the way the app picks it.

/** The app's rule for framework texts: the UI language, else English, else Bokmål, else any. */
function localize(value: Localized | null | undefined, lng: Language): string {
  if (!value) return '';
  for (const l of [lng, 'en', 'nb', 'nn', 'sv', 'da'] as const) {
    const text = value[l];
    if (text && text.trim()) return text;
  }
  return '';
}

const HAVSTAD_CODE = '9903';

async function starterVersion(page: Page) {
  const api = await apiClient(page);
  const frameworks = await api.get<FrameworkSummary[]>('/frameworks');
  const starter = frameworks.find((f) => f.key === 'mestring-starter');
  const summary = starter?.versions.find((v) => v.version === '1.0');
  if (!starter || !summary) throw new Error('the server installs the starter framework at start');
  const detail = await api.get<FrameworkVersionDetail>(`/frameworks/versions/${summary.id}`);
  return { api, starter, summary, detail };
}

function nav(page: Page, lng: Language) {
  return page.getByRole('navigation', { name: t(lng, 'nav.label') });
}

/** One competence row of the role profile editor or view. */
function requirementRow(page: Page, code: string) {
  return page.locator(`li.requirement[data-code="${code}"]`);
}

test.describe('competence frameworks', () => {
  test('an employee browses the starter framework: areas, competences with DigComp references and the level scale', async ({ page }) => {
    const lng = languageOf(ACCOUNTS.employee);
    const tr = (key: string, vars?: Record<string, string | number>) => t(lng, key, vars);
    await signIn(page, ACCOUNTS.employee);
    const { starter, summary, detail } = await starterVersion(page);
    const starterName = localize(starter.name, lng);

    // Employees have no role profiles, but the framework library is open to everyone.
    await expect(nav(page, lng).getByRole('link', { name: tr('nav.roleProfiles'), exact: true })).toHaveCount(0);
    await nav(page, lng).getByRole('link', { name: tr('nav.frameworks'), exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: tr('frameworks.title') })).toBeVisible();
    await waitForPage(page);

    await expect(page.getByRole('heading', { level: 2, name: starterName })).toBeVisible();
    const versions = page.getByRole('table', { name: tr('frameworks.versionsLabel', { name: starterName }) });
    const row = versions.getByRole('row').filter({ has: page.getByRole('link', { name: tr('frameworks.versionLink', { version: '1.0' }) }) });
    await expect(row).toHaveCount(1);
    const cells = row.getByRole('cell');
    await expect(cells.nth(2)).toHaveText(summary.source ?? tr('frameworks.notGiven'));
    await expect(cells.nth(3)).toHaveText(summary.licence ?? tr('frameworks.notGiven'));
    await expect(cells.nth(4)).toHaveText(String(summary.counts.areas));
    await expect(cells.nth(5)).toHaveText(String(summary.counts.competences));
    await expect(cells.nth(6)).toHaveText(String(summary.counts.levels));
    await expect(page.getByText(tr('frameworks.builtIn'), { exact: true }).first()).toBeVisible();
    // Only platform admins import frameworks.
    await expect(page.getByRole('heading', { name: tr('frameworks.import.title') })).toHaveCount(0);
    await checkA11y(page, 'framework list (employee)');

    await row.getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/frameworks/${summary.id}$`));
    await expect(page.getByRole('heading', { level: 1, name: tr('frameworks.version.title', { name: starterName, version: '1.0' }) })).toBeVisible();
    await waitForPage(page);

    // The level scale, in order.
    const scale = page.getByTestId('level-scale').getByRole('listitem');
    await expect(scale).toHaveCount(detail.levels.length);
    for (const [i, level] of [...detail.levels].sort((a, b) => a.level - b.level).entries()) {
      await expect(scale.nth(i)).toContainText(localize(level.name, lng));
    }

    // Every area with its competences, reachable from the list of areas.
    await expect(page.getByTestId('framework-area')).toHaveCount(detail.areas.length);
    for (const area of detail.areas) {
      const section = page.getByRole('region', { name: localize(area.name, lng), exact: true });
      await expect(section.getByRole('heading', { level: 3 })).toHaveText(localize(area.name, lng));
      await expect(section.getByTestId('framework-competence')).toHaveCount(detail.competences.filter((c) => c.areaCode === area.code).length);
    }
    const lastArea = detail.areas.at(-1)!;
    await page.getByRole('navigation', { name: tr('frameworks.version.areasNav') }).getByRole('link', { name: localize(lastArea.name, lng) }).click();
    await expect(page).toHaveURL(new RegExp(`#area-${lastArea.code.replace(/\./g, '\\.')}$`));

    // A competence with its DigComp reference and, on request, its level descriptions.
    const withRef = detail.competences.find((c) => c.digcompRef && c.levelDescriptions.length > 0);
    if (!withRef?.digcompRef) throw new Error('the starter framework refers to DigComp');
    const competence = page.locator(`[data-testid="framework-competence"][data-code="${withRef.code}"]`);
    await expect(competence.getByRole('heading', { level: 4 })).toHaveText(localize(withRef.name, lng));
    await expect(competence).toContainText(withRef.code);
    await expect(competence).toContainText(tr('frameworks.version.digcomp', { ref: withRef.digcompRef }));
    const first = [...withRef.levelDescriptions].sort((a, b) => a.level - b.level)[0]!;
    const firstText = competence.getByText(localize(first.text, lng), { exact: true });
    await expect(firstText).toBeHidden();
    await competence.getByText(tr('frameworks.version.levelDescriptions'), { exact: true }).click();
    await expect(firstText).toBeVisible();
    await checkA11y(page, 'framework version (employee)');

    // Role profiles are not for employees, even by address.
    await page.goto('/role-profiles');
    await expect(page.getByRole('heading', { level: 1, name: tr('states.forbiddenTitle') })).toBeVisible();

    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`/frameworks/${summary.id}`);
    await waitForPage(page);
    await expectNoHorizontalOverflow(page, 'framework version (360 px)');
    await checkA11y(page, 'framework version (360 px)');
    await page.goto('/frameworks');
    await waitForPage(page);
    await expectNoHorizontalOverflow(page, 'framework list (360 px)');
  });

  test('a platform admin imports a framework file: errors of a bad file, progress, the result and the statements', async ({ page }) => {
    const lng = languageOf(ACCOUNTS.platform);
    const tr = (key: string, vars?: Record<string, string | number>) => t(lng, key, vars);
    const key = `e2e-${uniqueSuffix().toLowerCase()}`;
    const name = uniqueName('Test framework ');
    const meta = `# key=${key}; name=${name}; version=1.0; language=en; source=Mestring e2e; licence=CC0 1.0`;
    const goodCsv = [
      meta,
      'type;code;parent;level;name;description',
      'level;;;1;Basic;With guidance',
      'level;;;2;Independent;On their own',
      'area;T;;;Test area;',
      'competence;T.1;T;;Test competence;Uses the test system',
      'statement;T.1.01;T.1;1;I can log in to the test system;',
      'statement;T.1.02;T.1;2;I can help a colleague log in;',
      '',
    ].join('\n');
    const badCsv = [meta.replace(key, `${key}-bad`), 'type;code;parent;level;name', 'level;;;x;Basic', 'gadget;A;;;B', 'competence;C.1;ZZ;;Name', ''].join('\n');
    const csv = (fileName: string, text: string) => ({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

    await signIn(page, ACCOUNTS.platform);
    await nav(page, lng).getByRole('link', { name: tr('nav.frameworks'), exact: true }).click();
    await waitForPage(page);
    const form = page.getByRole('region', { name: tr('frameworks.import.title') });
    const file = form.getByLabel(tr('frameworks.import.file'), { exact: true });
    const submit = form.getByRole('button', { name: tr('frameworks.import.submit') });
    await checkA11y(page, 'framework list with import form (platform admin)');

    // No file chosen: stopped in the browser.
    await submit.click();
    await expect(form.getByText(tr('frameworks.import.chooseFile'))).toBeVisible();
    await expect(file).toBeFocused();

    // A file with mistakes: every problem is listed with its row, and nothing is stored.
    await file.setInputFiles(csv('bad.csv', badCsv));
    await submit.click();
    const errors = page.getByTestId('framework-import-errors');
    await expect(errors.getByRole('heading', { level: 3, name: tr('frameworks.import.failedTitle') })).toBeFocused();
    await expect(errors).toContainText(tr('frameworks.import.codes.INVALID_FRAMEWORK'));
    const problems = page.getByRole('table', { name: tr('frameworks.import.problems.tableLabel') });
    await expect(problems.getByRole('columnheader', { name: tr('frameworks.import.problems.row') })).toBeVisible();
    const problemRows = problems.locator('tbody tr');
    expect(await problemRows.count()).toBeGreaterThanOrEqual(3);
    await expect(problemRows.filter({ hasText: 'gadget' }).getByRole('cell').first()).toHaveText('4');
    await expect(problemRows.filter({ hasText: '"x"' }).getByRole('cell').first()).toHaveText('3');
    await checkA11y(page, 'framework import errors');

    // A good file. The answer is held back, so the progress bar can be seen.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/v1/frameworks/imports', async (route) => {
      await gate;
      await route.fallback();
    });
    await file.setInputFiles(csv('framework.csv', goodCsv));
    await submit.click();
    const progress = page.getByTestId('framework-import-progress');
    await expect(progress).toBeVisible();
    await expect(page.getByRole('progressbar', { name: tr('frameworks.import.progressLabel') })).toBeVisible();
    const status = page.getByTestId('framework-import-status');
    await expect(status).toHaveAttribute('aria-live', 'polite');
    const uploading = tr('frameworks.import.uploading', { percent: 0 }).split('0')[0]!;
    await expect(status).toHaveText(new RegExp(`^(${escape(uploading)}|${escape(tr('frameworks.import.uploadingUnknown'))}|${escape(tr('frameworks.import.processing'))})`));
    await expect(submit).toBeDisabled();
    release();
    const result = page.getByTestId('framework-import-result');
    await expect(result.getByRole('heading', { name: tr('frameworks.import.createdTitle') })).toBeFocused();
    await expect(result).toContainText(tr('frameworks.import.created', { name, version: '1.0' }));
    await expect(progress).toHaveCount(0);
    await page.unroute('**/api/v1/frameworks/imports');
    // The list shows the new framework at once.
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
    await checkA11y(page, 'framework imported');

    // The same file again changes nothing; the same version with other content is refused.
    await file.setInputFiles(csv('framework.csv', goodCsv));
    await submit.click();
    await expect(result.getByRole('heading', { name: tr('frameworks.import.unchangedTitle') })).toBeFocused();
    await file.setInputFiles(csv('framework-changed.csv', goodCsv.replace('I can log in to the test system', 'I can log in')));
    await submit.click();
    await expect(errors).toContainText(tr('frameworks.import.conflict'));
    await expect(problems).toHaveCount(0);

    // The new version, with its statements on request.
    await page.getByRole('table', { name: tr('frameworks.versionsLabel', { name }) }).getByRole('link', { name: tr('frameworks.versionLink', { version: '1.0' }) }).click();
    await expect(page.getByRole('heading', { level: 1, name: tr('frameworks.version.title', { name, version: '1.0' }) })).toBeVisible();
    await waitForPage(page);
    const competence = page.locator('[data-testid="framework-competence"][data-code="T.1"]');
    const show = competence.getByRole('button', { name: tr('frameworks.version.showStatements', { count: 2 }) });
    await expect(show).toHaveAttribute('aria-expanded', 'false');
    await expect(competence.getByText('I can log in to the test system')).toBeHidden();
    await show.click();
    const hide = competence.getByRole('button', { name: tr('frameworks.version.hideStatements') });
    await expect(hide).toHaveAttribute('aria-expanded', 'true');
    await expect(competence.getByText('I can log in to the test system')).toBeVisible();
    await expect(competence.getByText(tr('frameworks.version.levelName', { level: 2, name: 'Independent' }), { exact: true })).toBeVisible();
    await checkA11y(page, 'framework version with statements');
    await hide.click();
    await expect(competence.getByText('I can log in to the test system')).toBeHidden();
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test.describe('role profiles', () => {
  test('a competence advisor creates a profile from the nurse-home-care template, changes a level, copies it and deletes the copy', async ({ page }) => {
    const email = ACCOUNTS.advisor;
    const lng = languageOf(email);
    const tr = (key: string, vars?: Record<string, string | number>) => t(lng, key, vars);
    await signIn(page, email);
    const { api, detail } = await starterVersion(page);
    const templates = await api.get<RoleProfileTemplate[]>('/role-profile-templates');
    const nurse = templates.find((x) => x.key === 'nurse-home-care');
    if (!nurse) throw new Error('the nurse-home-care template ships with the server');
    const max = Math.max(...detail.levels.map((l) => l.level));
    const changed = nurse.requirements.find((r) => r.requiredLevel < max);
    const competence = detail.competences.find((c) => c.code === changed?.competenceCode);
    if (!changed || !competence) throw new Error('the template has a level below the top of the scale');
    const competenceName = localize(competence.name, lng);
    const name = uniqueName('Sykepleier hjemmetjeneste ');
    const copyName = `${name} kopi`;

    await nav(page, lng).getByRole('link', { name: tr('nav.roleProfiles'), exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: tr('roleProfiles.title') })).toBeVisible();
    await waitForPage(page);
    await checkA11y(page, 'role profile list (advisor)');

    // From a template: choosing one is required, name and unit are not.
    await page.getByRole('link', { name: tr('roleProfiles.newFromTemplate') }).click();
    await expect(page.getByRole('heading', { level: 1, name: tr('roleProfiles.fromTemplate.title') })).toBeVisible();
    await waitForPage(page);
    const radio = page.getByRole('radio', { name: localize(nurse.name, lng), exact: true });
    await expect(radio).toBeVisible();
    await checkA11y(page, 'new role profile from template');
    await page.getByRole('button', { name: tr('roleProfiles.create') }).click();
    await expect(page.getByText(tr('roleProfiles.fromTemplate.chooseTemplate'), { exact: true })).toBeVisible();
    await expect(page.getByRole('radio').first()).toBeFocused();
    await radio.check();
    await page.getByRole('textbox', { name: tr('roleProfiles.fromTemplate.name') }).fill(name);
    await page.getByRole('button', { name: tr('roleProfiles.create') }).click();

    await expect(page).toHaveURL(/\/role-profiles\/[0-9a-f-]{36}$/);
    const profileUrl = page.url();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await waitForPage(page);
    await expect(page.getByRole('status').filter({ hasText: tr('roleProfiles.created') })).toBeVisible();
    await expect(page.getByTestId('requirement-summary')).toHaveText(
      tr('roleProfiles.editor.summary', { count: nurse.requirements.length, total: detail.competences.length }),
    );
    // Every competence of the framework is listed, under its area, with its level.
    await expect(page.locator('li.requirement')).toHaveCount(detail.competences.length);
    await expect(page.getByTestId('requirement-area')).toHaveCount(detail.areas.length);
    const select = page.getByRole('combobox', { name: competenceName, exact: true });
    await expect(select).toHaveValue(String(changed.requiredLevel));
    await expect(requirementRow(page, changed.competenceCode).locator('.level-bar')).toHaveAttribute('data-level', String(changed.requiredLevel));
    const notRequired = detail.competences.find((c) => !nurse.requirements.some((r) => r.competenceCode === c.code))!;
    await expect(page.getByRole('combobox', { name: localize(notRequired.name, lng), exact: true })).toHaveValue('');
    await checkA11y(page, 'role profile editor (advisor)');

    // Change one level and save; the bar follows the select at once.
    await select.selectOption(String(max));
    await expect(requirementRow(page, changed.competenceCode).locator('.level-bar')).toHaveAttribute('data-level', String(max));
    const status = page.getByTestId('save-status');
    await expect(status).toHaveText(tr('roleProfiles.editor.unsaved'));
    await expect(status).toHaveAttribute('aria-live', 'polite');
    await page.getByRole('button', { name: tr('common.save'), exact: true }).click();
    await expect(status).toHaveText(tr('roleProfiles.editor.saved'));

    // Saved on the server: still there after a reload.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await waitForPage(page);
    await expect(page.getByRole('status').filter({ hasText: tr('roleProfiles.created') })).toHaveCount(0);
    await expect(page.getByRole('combobox', { name: competenceName, exact: true })).toHaveValue(String(max));
    const mid = api.municipalityId(HAVSTAD_CODE);
    const stored = await api.get<RoleProfile>(`/municipalities/${mid}/role-profiles/${profileUrl.split('/').pop()}`);
    expect(stored.requirements.find((r) => r.competenceCode === changed.competenceCode)?.requiredLevel).toBe(max);
    expect(stored.templateKey).toBe('nurse-home-care');

    // Copy: a dialog asks for the name; cancelling gives focus back to the button.
    const copyButton = page.getByRole('button', { name: tr('roleProfiles.copy.button'), exact: true });
    await copyButton.click();
    const copyDialog = page.getByRole('dialog', { name: tr('roleProfiles.copy.title', { name }) });
    await expect(copyDialog).toBeVisible();
    const copyField = copyDialog.getByRole('textbox', { name: tr('roleProfiles.copy.name') });
    await expect(copyField).toHaveValue(tr('roleProfiles.copy.defaultName', { name }));
    await checkA11y(page, 'copy role profile dialog');
    await copyDialog.getByRole('button', { name: tr('common.cancel') }).click();
    await expect(copyDialog).toBeHidden();
    await expect(copyButton).toBeFocused();
    await copyButton.click();
    await copyField.fill(copyName);
    await copyDialog.getByRole('button', { name: tr('roleProfiles.copy.submit') }).click();
    await expect(page.getByRole('heading', { level: 1, name: copyName })).toBeVisible();
    await waitForPage(page);
    expect(page.url()).not.toBe(profileUrl);
    await expect(page.getByRole('status').filter({ hasText: tr('roleProfiles.copied') })).toBeVisible();
    await expect(page.getByRole('combobox', { name: competenceName, exact: true })).toHaveValue(String(max));

    // Delete the copy: the dialog asks first, and cancelling keeps it.
    const deleteButton = page.getByRole('button', { name: tr('roleProfiles.delete.button'), exact: true });
    await deleteButton.click();
    const deleteDialog = page.getByRole('dialog', { name: tr('roleProfiles.delete.title', { name: copyName }) });
    await expect(deleteDialog).toBeVisible();
    await checkA11y(page, 'delete role profile dialog');
    await deleteDialog.getByRole('button', { name: tr('common.cancel') }).click();
    await expect(deleteDialog).toBeHidden();
    await expect(deleteButton).toBeFocused();
    await deleteButton.click();
    await deleteDialog.getByRole('button', { name: tr('roleProfiles.delete.confirm') }).click();
    await expect(page).toHaveURL(/\/role-profiles$/);
    await expect(page.getByRole('status').filter({ hasText: tr('roleProfiles.deleted', { name: copyName }) })).toBeVisible();
    await waitForPage(page);
    const table = page.getByRole('table', { name: tr('roleProfiles.tableLabel') });
    await expect(table.getByRole('link', { name: copyName, exact: true })).toHaveCount(0);
    const original = table.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
    await expect(original.getByRole('cell').nth(1)).toHaveText(tr('professions.nurse'));
    await expect(original.getByRole('cell').nth(2)).toHaveText(tr('roleProfiles.allUnits'));
    await expect(original.getByRole('cell').nth(3)).toHaveText(String(nurse.requirements.length));

    // On a phone: nothing sticks out, wide tables scroll in their own box.
    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalOverflow(page, 'role profile list (360 px)');
    await checkA11y(page, 'role profile list (360 px)');
    await page.goto(profileUrl);
    await waitForPage(page);
    await expectNoHorizontalOverflow(page, 'role profile editor (360 px)');
    await page.goto('/role-profiles/new');
    await waitForPage(page);
    await expectNoHorizontalOverflow(page, 'new role profile (360 px)');
    await checkA11y(page, 'new role profile (360 px)');

    // Tidy up, so the leader's list below stays short.
    await api.delete(`/municipalities/${mid}/role-profiles/${stored.id}`);
  });

  test('a unit leader reads role profiles but cannot change them', async ({ page }) => {
    // The advisor prepares a profile.
    await signIn(page, ACCOUNTS.advisor);
    const advisor = await apiClient(page);
    const mid = advisor.municipalityId(HAVSTAD_CODE);
    const name = uniqueName('Helsefagarbeider sykehjem ');
    const profile = await advisor.post<RoleProfile>(`/municipalities/${mid}/role-profiles/from-template`, {
      templateKey: 'health-care-worker-nursing-home',
      name,
    });
    await page.context().clearCookies();

    const lng = languageOf(ACCOUNTS.leader);
    const tr = (key: string, vars?: Record<string, string | number>) => t(lng, key, vars);
    await signIn(page, ACCOUNTS.leader);
    const { detail } = await starterVersion(page);
    await nav(page, lng).getByRole('link', { name: tr('nav.roleProfiles'), exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: tr('roleProfiles.title') })).toBeVisible();
    await waitForPage(page);
    await expect(page.getByRole('link', { name: tr('roleProfiles.newFromTemplate') })).toHaveCount(0);
    await expect(page.getByRole('link', { name: tr('roleProfiles.new'), exact: true })).toHaveCount(0);
    await checkA11y(page, 'role profile list (leader)');

    await page.getByRole('table', { name: tr('roleProfiles.tableLabel') }).getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await waitForPage(page);
    const main = page.locator('main');
    await expect(main.getByRole('combobox')).toHaveCount(0);
    await expect(main.getByRole('textbox')).toHaveCount(0);
    await expect(main.getByRole('button')).toHaveCount(0);
    await expect(page.locator('li.requirement')).toHaveCount(detail.competences.length);
    const required = profile.requirements[0]!;
    const level = detail.levels.find((l) => l.level === required.requiredLevel)!;
    const row = requirementRow(page, required.competenceCode);
    await expect(row).toContainText(tr('frameworks.version.levelName', { level: level.level, name: localize(level.name, lng) }));
    await expect(row.locator('.level-bar')).toHaveAttribute('data-level', String(required.requiredLevel));
    const notRequired = detail.competences.find((c) => !profile.requirements.some((r) => r.competenceCode === c.code))!;
    await expect(requirementRow(page, notRequired.code)).toContainText(tr('roleProfiles.editor.notRequiredText'));
    await checkA11y(page, 'role profile (leader, read-only)');

    // Nor can the leader reach the forms by address.
    for (const path of ['/role-profiles/new', '/role-profiles/new/template']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: tr('states.forbiddenTitle') })).toBeVisible();
    }

    await page.context().clearCookies();
    await signIn(page, ACCOUNTS.advisor);
    await (await apiClient(page)).delete(`/municipalities/${mid}/role-profiles/${profile.id}`);
  });
});
