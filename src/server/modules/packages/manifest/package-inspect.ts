import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { reject } from '../package-rejection.js';
import { cmi5Aus, CMI5_LAUNCH_PARAMETERS, CMI5_MANIFEST_FILE, parseCmi5 } from './cmi5.parse.js';
import type { Cmi5CourseStructure } from './cmi5.types.js';
import { parseScormManifest, SCORM_MANIFEST_FILE } from './scorm-manifest.parse.js';
import type { ScormItem, ScormManifest, ScormVersion } from './scorm-manifest.types.js';

// From an unpacked folder to "what is this package": find the manifest at the
// root, parse it, and check that every file it names is in the zip.

export type LaunchableDraft = {
  identifier: string;
  title: string;
  launchUrl: string;
  external: boolean;
  kind: 'sco' | 'asset' | 'au';
  /** cmi5 AUs carry their own activity ids; SCORM items get one from Mestring. */
  activityId?: string;
  details: Record<string, unknown>;
};

export type InspectedPackage =
  | { family: 'scorm'; kind: ScormVersion; identifier: string; title: string; manifest: ScormManifest; launchables: LaunchableDraft[] }
  | { family: 'cmi5'; kind: 'cmi5'; identifier: string; title: string; manifest: Cmi5CourseStructure; launchables: LaunchableDraft[] };

export async function inspectPackage(folder: string, files: string[]): Promise<InspectedPackage> {
  const present = new Set(files);
  const atRoot = (name: string) => files.find((f) => f.toLowerCase() === name);
  const cmi5File = atRoot(CMI5_MANIFEST_FILE);
  const scormFile = atRoot(SCORM_MANIFEST_FILE);
  if (cmi5File) {
    const structure = parseCmi5(await readFile(join(folder, cmi5File)), cmi5File);
    for (const au of cmi5Aus(structure)) {
      if (!au.launch.external) requireFile(present, files, au.launch.path, cmi5File, `AU "${au.id}"`);
      refuseLaunchParameters(au.id, au.url, cmi5File);
    }
    return { family: 'cmi5', kind: 'cmi5', identifier: structure.course.id, title: structure.course.title[0]?.value || structure.course.id, manifest: structure, launchables: cmi5Launchables(structure) };
  }
  if (scormFile) {
    const manifest = parseScormManifest(await readFile(join(folder, scormFile)), scormFile);
    for (const resource of manifest.resources) {
      if (resource.href) requireFile(present, files, resource.href.replace(/[?#].*$/, ''), scormFile, `resource "${resource.identifier}"`);
      for (const file of resource.files) requireFile(present, files, file, scormFile, `a file of resource "${resource.identifier}"`);
    }
    const organization = manifest.organizations.find((o) => o.identifier === manifest.defaultOrganizationId)!;
    return { family: 'scorm', kind: manifest.version, identifier: manifest.identifier, title: organization.title || manifest.identifier, manifest, launchables: scormLaunchables(manifest) };
  }
  const nested = files.find((f) => /(^|\/)(imsmanifest|cmi5)\.xml$/i.test(f));
  const hint = nested ? ` It was found at "${nested}": zip the contents of that folder, not the folder itself.` : '';
  throw reject('MANIFEST_MISSING', `The package has no imsmanifest.xml (SCORM) or cmi5.xml (cmi5) at its root.${hint}`, nested ? { foundAt: nested } : {});
}

function requireFile(present: Set<string>, files: string[], path: string, manifestFile: string, what: string): void {
  if (present.has(path)) return;
  const otherCase = files.find((f) => f.toLowerCase() === path.toLowerCase());
  const hint = otherCase ? ` The zip has "${otherCase}", which differs in upper and lower case.` : '';
  throw reject('REFERENCE_MISSING', `${manifestFile}: ${what} refers to "${path}", which is not in the package.${hint}`, { file: manifestFile, path, ...(otherCase ? { didYouMean: otherCase } : {}) });
}

/** Every item that launches something, organization by organization, the default one first. */
function scormLaunchables(manifest: ScormManifest): LaunchableDraft[] {
  const out: LaunchableDraft[] = [];
  const organizations = [...manifest.organizations].sort((a, b) => Number(b.identifier === manifest.defaultOrganizationId) - Number(a.identifier === manifest.defaultOrganizationId));
  for (const organization of organizations) {
    const walk = (items: ScormItem[]) => {
      for (const item of items) {
        if (item.launch) {
          out.push({
            identifier: item.identifier,
            title: item.title,
            launchUrl: item.launch.url,
            external: false,
            kind: item.launch.scormType,
            details: dropUndefined({
              organizationId: organization.identifier,
              resourceIdentifier: item.launch.resourceIdentifier,
              isVisible: item.isVisible,
              masteryScore: item.masteryScore,
              maxTimeAllowed: item.maxTimeAllowed,
              timeLimitAction: item.timeLimitAction,
              dataFromLms: item.dataFromLms,
              completionThreshold: item.completionThreshold,
            }),
          });
        }
        walk(item.children);
      }
    };
    walk(organization.items);
  }
  return out;
}

function cmi5Launchables(structure: Cmi5CourseStructure): LaunchableDraft[] {
  return cmi5Aus(structure).map((au) => ({
    identifier: au.id,
    title: au.title[0]?.value || au.id,
    launchUrl: au.launch.url,
    external: au.launch.external,
    kind: 'au' as const,
    activityId: au.id,
    details: dropUndefined({
      moveOn: au.moveOn,
      masteryScore: au.masteryScore,
      launchMethod: au.launchMethod,
      launchParameters: au.launchParameters,
      entitlementKey: au.entitlementKey,
      activityType: au.activityType,
    }),
  }));
}

function dropUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** cmi5 8.1: the launch adds its own parameters to the AU's url, so the url must not already use those names. */
function refuseLaunchParameters(auId: string, url: string, manifestFile: string): void {
  const query = url.split('#')[0]!.split('?')[1];
  if (!query) return;
  const taken = [...new URLSearchParams(query).keys()].find((k) => (CMI5_LAUNCH_PARAMETERS as readonly string[]).includes(k));
  if (taken) {
    throw reject('MANIFEST_INVALID', `${manifestFile}: the url of AU "${auId}" uses the query parameter "${taken}", which the launch adds itself.`, { au: auId, parameter: taken });
  }
}
