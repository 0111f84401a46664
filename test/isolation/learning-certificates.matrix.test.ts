import { learningCertificateEntries } from './entries/learning-certificates.entries.js';
import { runIsolationMatrix } from './matrix.js';

// Certificates, issuer keys and the public verification routes. A separate
// file so it runs in parallel with the other matrices; foundation.matrix.test.ts
// lists these entries in OTHER_MATRICES for its coverage test.

runIsolationMatrix(learningCertificateEntries, { title: 'learning certificates isolation matrix' });
