import { hasMunicipalRole } from '../access/access.policy.js';
import type { Principal } from '../access/principal.js';

// Who may run cmi5 courses for learners: import them, hand out launch URLs,
// waive AUs and abandon sessions. The same people who manage packages. A
// machine client (a test harness, another LMS front end) uses the
// municipality's LRS credential instead; see cmi5-caller.ts.

const MANAGERS = ['municipal_admin', 'competence_advisor'] as const;

export const cmi5Policy = {
  manage: (p: Principal, municipalityId: string) => hasMunicipalRole(p, municipalityId, MANAGERS),
};
