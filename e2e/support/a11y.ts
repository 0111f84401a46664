import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

function describe(label: string, violations: Violation[]): string {
  const lines = [`axe: ${violations.length} serious/critical violation(s) on ${label}`];
  for (const v of violations) {
    lines.push('', `• [${v.impact}] ${v.id}: ${v.help}`, `  ${v.helpUrl}`);
    for (const node of v.nodes.slice(0, 5)) {
      lines.push(`  - ${node.target.join(' ')}`);
      lines.push(`    ${node.html.replace(/\s+/g, ' ').slice(0, 200)}`);
      if (node.failureSummary) lines.push(...node.failureSummary.split('\n').map((l) => `    ${l}`));
    }
    if (v.nodes.length > 5) lines.push(`  … and ${v.nodes.length - 5} more`);
  }
  return lines.join('\n');
}

/**
 * Waits for running CSS transitions and animations (a dialog fading in, say)
 * to end, so colour contrast is measured on the final colours. Endless ones
 * (spinners) are skipped.
 */
export async function settleAnimations(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the current page and fails on
 * any serious or critical violation, listing each with its elements.
 */
export async function checkA11y(page: Page, label: string, options: { exclude?: string[] } = {}): Promise<void> {
  await settleAnimations(page);
  let builder = new AxeBuilder({ page }).withTags(TAGS);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ''));
  if (blocking.length > 0) {
    await test.info().attach(`axe-${label}`, { body: JSON.stringify(blocking, null, 2), contentType: 'application/json' });
  }
  expect(blocking.length, describe(label, blocking)).toBe(0);
}
