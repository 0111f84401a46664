import { afterAll } from 'vitest';
import { learningCourseEntries, removeCourseMatrixData } from './entries/learning-courses.entries.js';
import { runIsolationMatrix } from './matrix.js';

// Built-in courses (authoring, assets, learning), in a file of their own so
// they run beside the other matrices; foundation.matrix.test.ts lists these
// entries in OTHER_MATRICES for its coverage test.

runIsolationMatrix(learningCourseEntries, { title: 'learning courses isolation matrix' });

afterAll(removeCourseMatrixData);
