// Global objectives: a restored objective map is read into the activity tree (SM.7).

import { Scorm2004API } from 'scorm-again';
import type { SaApi } from './internals.js';
import type { MethodPatch } from './patch.js';

/** SM.7, on restore. */
export function globalObjectiveCorrections(): MethodPatch[] {
  return [
    // Objective Map (SN 4th Ed. 3.10.3, SM.7): a local objective that reads
    // a global objective has the global's status whenever it is evaluated.
    // scorm-again 3.4.3 restores a stored global objective map (the state a
    // first launch inherits: globals left by an earlier attempt or package)
    // without reading it into the activity tree; the tree only takes it on
    // the next synchronization (after a SCO terminates) or at delivery, so
    // the Start's precondition rules evaluate unknown ones and an activity
    // whose mapped objective is completed is not skipped (ADL CO-07b,
    // OB-09b). After a successful restore, the tree reads the map.
    {
      className: 'Scorm2004API',
      prototype: Scorm2004API.prototype as unknown as Record<string, unknown>,
      method: 'deserializeSequencingState',
      arity: 1,
      replacement: (original) =>
        function deserializeSequencingState(this: SaApi, stateData: string): boolean {
          const restored = (original as (this: unknown, stateData: string) => boolean).call(this, stateData);
          if (restored) this.getSequencingService()?.getOverallSequencingProcess()?.synchronizeGlobalObjectives();
          return restored;
        } as never,
    },
  ];
}
