import { resultsProfilesEntries } from './entries/results-profiles.entries.js';
import { runIsolationMatrix } from './matrix.js';

// Individual competence profiles, leader ratings and comparisons with other
// municipalities. A separate file so it runs in parallel with the other
// matrices; foundation.matrix.test.ts lists these entries in OTHER_MATRICES
// for its coverage test.

runIsolationMatrix(resultsProfilesEntries, { title: 'profiles and comparisons isolation matrix' });
