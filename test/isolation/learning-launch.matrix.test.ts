import { learningLaunchEntries } from './entries/learning-launch.entries.js';
import { runIsolationMatrix } from './matrix.js';

// A learner's cmi5 view and launch of catalogue items. A separate file so it
// runs in parallel with the other matrices; foundation.matrix.test.ts lists
// these entries in OTHER_MATRICES for its coverage test.

runIsolationMatrix(learningLaunchEntries, { title: 'learning launch isolation matrix' });
