// Corrections to scorm-again 3.4.3's deviations from SCORM 2004 4th Ed.
// (install.ts explains how they are applied and guarded).

export { assertVersion, installScormAgainFixes, PATCHED_SCORM_AGAIN_VERSION } from './install.js';
export { applyCompletedByMeasure } from './completion.js';
export type { SaActivity } from './internals.js';
export { checkPatchTarget, ScormAgainFixError, type MethodPatch } from './patch.js';
