import { isPlatformAdmin } from '../access/access.policy.js';
import type { Principal } from '../access/principal.js';

/** The municipality registry is reference data shared by the whole platform. */
export const registryPolicy = {
  read: (p: Principal) => isPlatformAdmin(p),
  import: (p: Principal) => isPlatformAdmin(p),
};
