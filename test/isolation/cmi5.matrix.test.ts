import { afterAll } from 'vitest';
import { cmi5Entries, removeCmi5MatrixData } from './entries/cmi5.entries.js';
import { runIsolationMatrix } from './matrix.js';

// The cmi5 LMS API, in a file of its own so it runs beside the other
// matrices; foundation.matrix.test.ts lists these entries in OTHER_MATRICES.

runIsolationMatrix(cmi5Entries, { title: 'cmi5 isolation matrix' });

afterAll(removeCmi5MatrixData);
