import { afterAll } from 'vitest';
import { packageEntries, removePackageMatrixData } from './entries/packages.entries.js';
import { runIsolationMatrix } from './matrix.js';

// E-learning packages, in a file of their own so they run beside the other
// matrices; foundation.matrix.test.ts lists these entries in OTHER_MATRICES.

runIsolationMatrix(packageEntries, { title: 'packages isolation matrix' });

afterAll(removePackageMatrixData);
