// Corrections to scorm-again 3.4.3's sequencer where it deviates from the
// SCORM 2004 4th Edition Sequencing and Navigation book (SN), applied at run
// time because node_modules is not ours to edit.
//
// scorm-again exports only its API classes; the sequencer's classes are
// reached through the instances a probe API builds, and each correction
// replaces one method on that class's prototype, so every API built
// afterwards (and before) uses it. Each correction names the SN pseudo-code
// process it implements, the method it replaces and the ADL conformance
// packages that exposed the deviation (adl-suite.expected-failures.ts lists
// what is still open); scorm-again-fixes.test.ts shows each on a small tree.
//
// The corrections were written against scorm-again 3.4.3 exactly. Installing
// them refuses (throws) when another version is installed or a method is not
// where 3.4.3 has it, so an upgrade cannot silently mis-patch: whoever
// upgrades must check each correction against the new source (and drop the
// ones upstream has fixed).
//
// No Node-only API: the browser player installs these too.
//
// This file holds the version guard and the one entry point; the
// corrections live in files named for the part of the SN or RTE they fix.

// The installed package's own manifest (scorm-again's exports map hides
// "scorm-again/package.json"); a direct dependency always sits at the root
// of node_modules.
import scormAgainPackage from '../../../../../../../node_modules/scorm-again/package.json' with { type: 'json' };
import { choiceCorrections } from './choice.js';
import { completionCorrections, untrackedProgressCorrections } from './completion.js';
import { endAttemptCorrections, jumpCorrections, limitAndCheckActivityCorrections } from './delivery.js';
import { flowCorrections } from './flow.js';
import { globalObjectiveCorrections } from './global-objectives.js';
import { apply, checkPatchTarget, prototypeOf, ScormAgainFixError, type MethodPatch } from './patch.js';
import { probeInstances, type ProbeInstances } from './probe.js';
import { rollupCorrections } from './rollup.js';
import { dataModelNameCorrections, dataModelValueCorrections } from './rte-data.js';

export const PATCHED_SCORM_AGAIN_VERSION = '3.4.3';

let installed = false;

/** Applies every correction once; later calls do nothing. */
export function installScormAgainFixes(): void {
  if (installed) return;
  assertVersion(scormAgainPackage.version);
  const instances = probeInstances();
  const patches = corrections(instances);
  // Check every target before changing any, so a refusal leaves scorm-again untouched.
  for (const patch of patches) checkPatchTarget(patch);
  // Not replaced, but wrapped for the length of one End Attempt (undoingAutoCompletion).
  checkPatchTarget({
    className: 'RollupProcess',
    prototype: prototypeOf(instances.rollupProcess),
    method: 'syncTerminatedActivityObjectives',
    arity: 2,
  });
  for (const patch of patches) apply(patch);
  installed = true;
}

export function assertVersion(version: string): void {
  if (version !== PATCHED_SCORM_AGAIN_VERSION) {
    throw new ScormAgainFixError(
      `scorm-again ${version} is installed; the sequencing corrections in scorm-again-fixes/ were written for ` +
        `${PATCHED_SCORM_AGAIN_VERSION}. Check each correction against the new version's source, drop the ones it fixes, ` +
        `and update PATCHED_SCORM_AGAIN_VERSION.`,
    );
  }
}

// ---------------------------------------------------------------------------
// The corrections, in the order they are checked and applied.

function corrections(instances: ProbeInstances): MethodPatch[] {
  return [
    ...limitAndCheckActivityCorrections(instances),
    ...choiceCorrections(instances),
    ...jumpCorrections(instances),
    ...flowCorrections(instances),
    ...rollupCorrections(instances),
    ...endAttemptCorrections(instances),
    ...completionCorrections(instances),
    ...globalObjectiveCorrections(),
    ...dataModelNameCorrections(),
    ...untrackedProgressCorrections(instances),
    ...dataModelValueCorrections(instances),
  ];
}
