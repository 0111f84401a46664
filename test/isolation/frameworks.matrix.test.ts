import { frameworkEntries } from './entries/frameworks.entries.js';
import { mappingEntries } from './entries/mapping.entries.js';
import { roleProfileEntries } from './entries/role-profiles.entries.js';
import { runIsolationMatrix } from './matrix.js';

// The framework library (platform reference data, no tenant) and role profiles
// (tenant-owned, pointing at a framework version), and mapping campaigns with
// their public answering routes. A separate file from the
// foundation matrix so the two run in parallel; foundation.matrix.test.ts
// lists these entries in OTHER_MATRICES for its coverage test.

const frameworkMatrixEntries = [...frameworkEntries, ...roleProfileEntries, ...mappingEntries];

runIsolationMatrix(frameworkMatrixEntries, { title: 'frameworks, role profiles and mapping isolation matrix' });
