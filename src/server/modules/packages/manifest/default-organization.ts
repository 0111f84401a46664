import type { ScormManifest, ScormOrganization } from './scorm-manifest.types.js';

/** The organization a learner takes: the manifest's default one, else its first (CAM 3.4.1.3). */
export function defaultOrganizationOf(manifest: ScormManifest): ScormOrganization | undefined {
  return manifest.organizations.find((o) => o.identifier === manifest.defaultOrganizationId) ?? manifest.organizations[0];
}
