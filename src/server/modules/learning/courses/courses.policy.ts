import { canSeeMunicipality } from '../../access/access.policy.js';
import type { Principal } from '../../access/principal.js';
import { playerPolicy } from '../../player/player.policy.js';
import { cataloguePolicy } from '../catalogue/catalogue.policy.js';

// Who may do what with a built-in course. The course is written by whoever
// manages its item (the catalogue decides: the municipality's administrators
// and competence advisors for its own items, the owning network's
// coordinators for a network's). Learners take courses as themselves (their
// employee record here), like the SCORM player. Course content is not
// personal data: anyone who may see the municipality reads a course's assets
// once it is out of draft (archived too, so a learner's round can finish),
// drafts only its authors.

export type CourseItemAccess = { owner_network_id: string | null; status: 'draft' | 'published' | 'archived' };

export const coursesPolicy = {
  author: (p: Principal, municipalityId: string, item: CourseItemAccess): boolean => cataloguePolicy.manageItem(p, municipalityId, item.owner_network_id),

  readContent: (p: Principal, municipalityId: string, item: CourseItemAccess): boolean =>
    coursesPolicy.author(p, municipalityId, item) || (item.status !== 'draft' && canSeeMunicipality(p, municipalityId)),

  /** The person the principal learns as in this municipality, or null. */
  learnerPersonId: (p: Principal, municipalityId: string): string | null => playerPolicy.learnerPersonId(p, municipalityId),
};
