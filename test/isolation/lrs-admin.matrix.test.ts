import { lrsAdminEntries } from './entries/lrs-admin.entries.js';
import { runIsolationMatrix } from './matrix.js';

// The learning record store's credentials and statement browser. A separate
// file so it runs in parallel with the other matrices; foundation.matrix.test.ts
// lists these entries in OTHER_MATRICES for its coverage test.

runIsolationMatrix(lrsAdminEntries, { title: 'learning record store admin isolation matrix' });
