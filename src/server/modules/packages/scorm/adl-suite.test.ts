// ADL's SCORM 2004 4th Edition LMS test suite, replayed against our LMS side
// (CourseSession) and scorm-again. The test data lives in ../shared (see its
// README); without it these tests are skipped.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScormManifest } from '../manifest/scorm-manifest.parse.js';
import type { ScormItem, ScormManifest } from '../manifest/scorm-manifest.types.js';
import { AdlLearnerRecord, seriesPredecessors } from './adl-script/adl-learner-record.js';
import { decodeAdlScript } from './adl-script/adl-script-decoder.js';
import { runAdlScript } from './adl-script/adl-script-runner.js';
import type { AdlScript } from './adl-script/adl-script.types.js';
import { ADL_EXPECTED_FAILURES } from './adl-script/adl-suite.expected-failures.js';

const SUITE_DIR = resolve(process.cwd(), '../shared/data/scorm2004-adl-testsuite');
const hasSuite = existsSync(join(SUITE_DIR, 'testcases')) && existsSync(join(SUITE_DIR, 'manifests'));
if (!hasSuite) console.warn(`ADL SCORM 2004 test suite not found at ${SUITE_DIR}: skipping its tests`);

const LEARNER = { id: 'adl-learner-1', name: 'Learner, ADL' };

function readScript(name: string): AdlScript {
  // Java properties files: ISO-8859-1.
  return decodeAdlScript(readFileSync(join(SUITE_DIR, 'testcases', `${name}.properties`), 'latin1'));
}

interface AdlPackage {
  name: string;
  manifestFile: string;
  scriptName: string;
}

function readManifest(pkg: AdlPackage): ScormManifest {
  return parseScormManifest(readFileSync(join(SUITE_DIR, 'manifests', pkg.manifestFile)));
}

/** The packages, each with the script it runs (DDMa and DDMb share DDM's). */
function packages(): AdlPackage[] {
  if (!hasSuite) return [];
  return readdirSync(join(SUITE_DIR, 'manifests'))
    .filter((file) => file.endsWith('.imsmanifest.xml'))
    .sort()
    .map((file) => {
      const name = file.replace(/^LMSTestPackage_/, '').replace(/\.imsmanifest\.xml$/, '');
      return { name, manifestFile: file, scriptName: name.replace(/^DDM[ab]$/, 'DDM') };
    });
}

describe.skipIf(!hasSuite)('ADL SCORM 2004 4th Edition test scripts', () => {
  it('decodes every script into typed steps, with no unknown command or abbreviation', () => {
    const files = readdirSync(join(SUITE_DIR, 'testcases')).filter((file) => file.endsWith('.properties'));
    const families = new Map<string, { scripts: number; visits: number; calls: number }>();
    const skipped: string[] = [];
    for (const file of files) {
      const script = readScript(file.replace(/\.properties$/, ''));
      expect(script.visits.length, file).toBeGreaterThan(0);
      const family = /^[A-Z]+/.exec(script.name)?.[0] ?? script.name;
      const counts = families.get(family) ?? { scripts: 0, visits: 0, calls: 0 };
      counts.scripts++;
      counts.visits += script.visits.length;
      counts.calls += script.visits.reduce((sum, visit) => sum + visit.calls.length, 0);
      families.set(family, counts);
      skipped.push(...script.skippedCommands.map((command) => `${script.name} ${command.visitKey}`));
    }
    console.log(
      `Decoded ${files.length} ADL scripts:\n` +
        [...families].map(([family, c]) => `  ${family}: ${c.scripts} scripts, ${c.visits} visits, ${c.calls} API calls`).join('\n'),
    );
    expect(files.length).toBe(188);
    // The one command line in ADL's data without a method (DMI.properties
    // line 8645, "c~INTR~6~CR~0~P!TY.m->…"): ADL's suite skipped it too.
    expect(skipped).toEqual(['DMI Act3V2']);
  });

  const results = new Map<string, boolean>();

  describe.each(packages())('package $name', ({ name, manifestFile, scriptName }) => {
    const expectedFailure = ADL_EXPECTED_FAILURES[name];
    it(expectedFailure ? `is a known failure: ${expectedFailure}` : 'passes its script', () => {
      // The learner has taken the earlier packages of the series first (their
      // results are their own tests'): the global objectives they leave are
      // this package's starting point (adl-learner-record.ts).
      const record = new AdlLearnerRecord(LEARNER);
      const all = packages();
      for (const earlier of seriesPredecessors(name, all.map((pkg) => pkg.name))) {
        const pkg = all.find((candidate) => candidate.name === earlier)!;
        runAdlScript(readManifest(pkg), readScript(pkg.scriptName), record);
      }
      const manifest = parseScormManifest(readFileSync(join(SUITE_DIR, 'manifests', manifestFile)));
      const result = runAdlScript(manifest, readScript(scriptName), record);
      results.set(name, result.passed);
      const summary = result.failures.slice(0, 5).map((failure) => `${failure.visit} ${failure.kind}: ${failure.message}`);
      if (expectedFailure) {
        // A known failure that starts passing must leave the list.
        expect(result.passed, `${name} passes now: remove it from ADL_EXPECTED_FAILURES`).toBe(false);
      } else {
        expect(summary, `${name} reached ${result.visitsReached} of its visits`).toEqual([]);
        expect(result.passed).toBe(true);
      }
    });
  });

  it('shares global objective ids only within a series, so taking a series in order is taking the suite in order', () => {
    const seriesById = new Map<string, Set<string>>();
    for (const pkg of packages()) {
      const series = pkg.name.replace(/[a-z]+$/, '');
      for (const id of targetObjectiveIds(readManifest(pkg))) {
        seriesById.set(id, (seriesById.get(id) ?? new Set()).add(series));
      }
    }
    const crossing = [...seriesById].filter(([, series]) => series.size > 1).map(([id]) => id);
    expect(seriesById.size).toBeGreaterThan(0);
    expect(crossing).toEqual([]);
  });

  it('lists only packages that exist as known failures', () => {
    const names = new Set(packages().map((pkg) => pkg.name));
    expect(Object.keys(ADL_EXPECTED_FAILURES).filter((name) => !names.has(name))).toEqual([]);
    const passed = [...results.values()].filter(Boolean).length;
    if (results.size) console.log(`ADL packages passing fully: ${passed} of ${results.size}`);
  });
});

/** The global objective ids any activity of the manifest maps an objective to. */
function targetObjectiveIds(manifest: ScormManifest): Set<string> {
  const ids = new Set<string>();
  const visit = (sequencing: ScormItem['sequencing']): void => {
    if (!sequencing) return;
    const { primary, secondary } = sequencing.objectives;
    for (const objective of [...(primary ? [primary] : []), ...secondary]) {
      for (const map of objective.mapInfo) ids.add(map.targetObjectiveId);
    }
    for (const adl of sequencing.adlObjectives) for (const map of adl.mapInfo) ids.add(map.targetObjectiveId);
  };
  const walk = (items: ScormItem[]): void => {
    for (const item of items) {
      visit(item.sequencing);
      walk(item.children);
    }
  };
  for (const organization of manifest.organizations) {
    visit(organization.sequencing);
    walk(organization.items);
  }
  return ids;
}
