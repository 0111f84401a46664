import { playerEntries } from './entries/player.entries.js';
import { runIsolationMatrix } from './matrix.js';

// The SCORM player's app routes (courses list, launch). A separate file so it
// runs in parallel with the other matrices; foundation.matrix.test.ts lists
// these entries in OTHER_MATRICES for its coverage test. The player's runtime
// API lives on the content origin, outside /api/v1, and is authorised by the
// launch token alone (see modules/player/player-runtime.test.ts).

runIsolationMatrix(playerEntries, { title: 'player isolation matrix' });
