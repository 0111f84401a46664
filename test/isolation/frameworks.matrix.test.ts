import { frameworkEntries } from './entries/frameworks.entries.js';
import { roleProfileEntries } from './entries/role-profiles.entries.js';
import { runIsolationMatrix } from './matrix.js';

// The framework library (platform reference data, no tenant) and role profiles
// (tenant-owned, pointing at a framework version). A separate file from the
// foundation matrix so the two run in parallel; foundation.matrix.test.ts
// lists these entries in OTHER_MATRICES for its coverage test.

const frameworkMatrixEntries = [...frameworkEntries, ...roleProfileEntries];

runIsolationMatrix(frameworkMatrixEntries, { title: 'frameworks and role profiles isolation matrix' });
