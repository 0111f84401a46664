import { learningCatalogueEntries } from './entries/learning-catalogue.entries.js';
import { runIsolationMatrix } from './matrix.js';

// The learning catalogue's routes (items, competence choices, marking done).
// A separate file so it runs in parallel with the other matrices;
// foundation.matrix.test.ts lists these entries in OTHER_MATRICES for its coverage test.

runIsolationMatrix(learningCatalogueEntries, { title: 'learning catalogue isolation matrix' });
