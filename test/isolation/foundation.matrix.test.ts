import { resultsProfilesEntries } from './entries/results-profiles.entries.js';
import { resultsEntries } from './entries/results.entries.js';
import { describe, expect, it } from 'vitest';
import { accessEntries } from './entries/access.entries.js';
import { auditRegistryEntries } from './entries/audit-registry.entries.js';
import { authEntries } from './entries/auth.entries.js';
import { cmi5Entries } from './entries/cmi5.entries.js';
import { frameworkEntries } from './entries/frameworks.entries.js';
import { learningAssignmentEntries } from './entries/learning-assignments.entries.js';
import { learningCatalogueEntries } from './entries/learning-catalogue.entries.js';
import { learningLaunchEntries } from './entries/learning-launch.entries.js';
import { learningSessionEntries } from './entries/learning-sessions.entries.js';
import { lrsAdminEntries } from './entries/lrs-admin.entries.js';
import { mappingEntries } from './entries/mapping.entries.js';
import { packageEntries } from './entries/packages.entries.js';
import { peopleEntries } from './entries/people.entries.js';
import { playerEntries } from './entries/player.entries.js';
import { roleProfileEntries } from './entries/role-profiles.entries.js';
import { tenancyEntries } from './entries/tenancy.entries.js';
import { learningCertificateEntries } from './entries/learning-certificates.entries.js';
import { listApiRoutes, runIsolationMatrix, type MatrixEntry } from './matrix.js';
import { learningCourseEntries } from './entries/learning-courses.entries.js';
import { learningReportEntries } from './entries/learning-reports.entries.js';

// Every /api/v1 route of the foundation, for every role, against the own and
// a foreign tenant. A later issue that adds routes adds entries (here or in
// its own *.matrix.test.ts, listed in OTHER_MATRICES), or the coverage test fails.

const entries: MatrixEntry[] = [...authEntries, ...tenancyEntries, ...peopleEntries, ...accessEntries, ...auditRegistryEntries];

/**
 * Entries that other matrix files run. Import their entry lists here, so that
 * this one coverage test sees every route of the app.
 */
const OTHER_MATRICES: MatrixEntry[] = [
  // learning-courses.matrix.test.ts
  ...learningCourseEntries,
  // campaign-results.matrix.test.ts
  ...resultsEntries,
  // results.matrix.test.ts
  ...resultsProfilesEntries,
  // frameworks.matrix.test.ts
  ...frameworkEntries,
  ...roleProfileEntries,
  ...mappingEntries,
  // lrs-admin.matrix.test.ts
  ...lrsAdminEntries,
  // player.matrix.test.ts
  ...playerEntries,
  // packages.matrix.test.ts
  ...packageEntries,
  // cmi5.matrix.test.ts
  ...cmi5Entries,
  // learning-catalogue.matrix.test.ts
  ...learningCatalogueEntries,
  // learning-launch.matrix.test.ts
  ...learningLaunchEntries,
  // learning-certificates.matrix.test.ts
  ...learningCertificateEntries,
  // learning-sessions.matrix.test.ts
  ...learningSessionEntries,
  // learning-assignments.matrix.test.ts
  ...learningAssignmentEntries,
  // learning-reports.matrix.test.ts
  ...learningReportEntries,
];

const matrix = runIsolationMatrix(entries, { title: 'foundation isolation matrix' });

describe('isolation matrix coverage', () => {
  it('has an entry for every /api/v1 route the app serves', async () => {
    const { app } = matrix.testApp();
    await app.ready();
    const fromTree = listApiRoutes(app);
    // A second, independent listing: the OpenAPI document (hidden routes excepted).
    const spec = app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const fromSpec = Object.entries(spec.paths)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, ops]) => Object.keys(ops).filter((m) => m !== 'head').map((m) => ({ method: m.toUpperCase(), path: path.replace(/\{(\w+)\}/g, ':$1') })));
    const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
    const served = new Set([...fromTree, ...fromSpec].map(key));
    expect(fromTree.length).toBeGreaterThan(30);
    expect(new Set(fromTree.map(key))).toEqual(new Set(fromSpec.map(key)));

    const covered = new Set([...entries, ...OTHER_MATRICES].map(key));
    const missing = [...served].filter((route) => !covered.has(route)).sort();
    expect(missing, 'routes without an isolation matrix entry').toEqual([]);
  });

  it('names only routes that exist', () => {
    const { app } = matrix.testApp();
    const unknown = [...entries, ...OTHER_MATRICES].filter((e) => !app.hasRoute({ method: e.method, url: e.path })).map((e) => `${e.name}: ${e.method} ${e.path}`);
    expect(unknown).toEqual([]);
  });
});
