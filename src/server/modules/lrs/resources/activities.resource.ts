import { withTenant } from '../../../db/tenant.js';
import { guardCmi5Activity } from '../../cmi5/cmi5-lrs-hooks.js';
import { findActivityDefinition } from '../documents.repository.js';
import type { XapiResource } from '../xapi/request.js';
import { activityIdParam, refuseUnknownParams } from './documents.resource.js';

/**
 * GET /activities?activityId=…: the Activity with the canonical definition the
 * statement store keeps for it. An activity the LRS has never seen is still an
 * Activity (2.0.0 "shall", 1.0.3 "SHOULD*"), so both versions answer 200 with
 * just its id rather than 404.
 */
export const activitiesResource: XapiResource = {
  GET: async (deps, request) => {
    refuseUnknownParams(request.params, ['activityId']);
    if (request.auth.scope !== 'full') await guardCmi5Activity(deps, request);
    const activityId = activityIdParam(request.params);
    const municipalityId = request.auth.municipalityId;
    const definition = await withTenant(deps.db, municipalityId, (tx) => findActivityDefinition(tx, municipalityId, activityId));
    return { status: 200, body: { objectType: 'Activity', id: activityId, ...(definition ? { definition } : {}) } };
  },
};
