import type { Principal } from '../access/principal.js';

// Who may take courses: a learner takes them as themselves, so what counts is
// the signed-in account's own employee record (person) in the municipality,
// not a role. Every package of the municipality is open to its employees
// (assignment comes later); nobody launches on another person's behalf, and an
// attempt is only ever reached through its owner's launch.

export const playerPolicy = {
  /** The person the principal learns as in this municipality, or null. */
  learnerPersonId: (p: Principal, municipalityId: string): string | null => p.persons.find((x) => x.municipalityId === municipalityId)?.personId ?? null,
};
