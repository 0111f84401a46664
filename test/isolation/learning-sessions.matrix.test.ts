import { learningSessionEntries } from './entries/learning-sessions.entries.js';
import { runIsolationMatrix } from './matrix.js';

// Classroom sessions of event items: planning, sign-up, registration lists and
// attendance. A separate file so it runs in parallel with the other matrices;
// foundation.matrix.test.ts lists these entries in OTHER_MATRICES for its coverage test.

runIsolationMatrix(learningSessionEntries, { title: 'learning sessions isolation matrix' });
