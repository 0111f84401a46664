import { resultsEntries } from './entries/results.entries.js';
import { runIsolationMatrix } from './matrix.js';

// Results of closed campaigns (heatmap, export, trend). A separate file so it
// runs in parallel with the other matrices; foundation.matrix.test.ts lists these
// entries in OTHER_MATRICES for its coverage test.

runIsolationMatrix(resultsEntries, { title: 'campaign results isolation matrix' });
