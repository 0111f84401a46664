import { learningAssignmentEntries } from './entries/learning-assignments.entries.js';
import { runIsolationMatrix } from './matrix.js';

// Learning assignments and "my learning". A separate file so it runs in
// parallel with the other matrices; foundation.matrix.test.ts lists these
// entries in OTHER_MATRICES for its coverage test.

runIsolationMatrix(learningAssignmentEntries, { title: 'learning assignments isolation matrix' });
