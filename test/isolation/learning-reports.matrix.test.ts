import { learningReportEntries } from './entries/learning-reports.entries.js';
import { runIsolationMatrix } from './matrix.js';

// Leader views of learning (completion, trend, people, one person, XLSX). A
// separate file so it runs in parallel with the other matrices;
// foundation.matrix.test.ts lists these entries in OTHER_MATRICES.

runIsolationMatrix(learningReportEntries, { title: 'learning reports isolation matrix' });
