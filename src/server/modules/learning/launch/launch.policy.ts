import type { Principal } from '../../access/principal.js';

// Who launches a catalogue item as a learner: the signed-in account's own
// employee record (person) in the municipality, as in player.policy.ts. No
// role is needed and none is enough: a manager without a person record here
// launches courses for test learners through the cmi5 API instead, and nobody
// launches on another person's behalf.

export const launchPolicy = {
  /** The person the principal learns as in this municipality, or null. */
  learnerPersonId: (p: Principal, municipalityId: string): string | null => p.persons.find((x) => x.municipalityId === municipalityId)?.personId ?? null,
};
