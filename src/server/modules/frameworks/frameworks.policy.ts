import { isPlatformAdmin } from '../access/access.policy.js';
import type { Principal } from '../access/principal.js';

/** The framework library is shared reference data: everyone signed in reads it; platform admins add versions. */
export const frameworksPolicy = {
  read: (_p: Principal) => true,
  import: (p: Principal) => isPlatformAdmin(p),
};
