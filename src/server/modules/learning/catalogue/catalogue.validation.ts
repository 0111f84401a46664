import type { LearningItemKind } from '../../../../shared/api/learning.js';
import type { TenantTx } from '../../../db/tenant.js';
import { AppError } from '../../../http/app-error.js';
import { frameworkScale } from '../../role-profiles/role-profiles.repository.js';
import * as repo from './catalogue.repository.js';

// The same rules as the table's checks (0012_learning.ts), said in words a
// person can act on before the database would refuse: which kind needs which
// field, whose package, and which competences on which scale.

type Issue = { path: string[]; message: string };
export type KindFields = { packageId: string | null; url: string | null; xapiActivityId: string | null };

const PACKAGE_KINDS: readonly LearningItemKind[] = ['scorm', 'cmi5'];
const URL_KINDS: readonly LearningItemKind[] = ['video', 'link'];

/** An IRI as xAPI wants an activity id: an absolute URI with a scheme, no spaces. */
export function isIri(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

function kindIssues(kind: LearningItemKind, f: KindFields): Issue[] {
  const issues: Issue[] = [];
  const needs = (field: keyof KindFields, wanted: boolean, what: string) => {
    if (wanted && !f[field]) issues.push({ path: [field], message: `a ${kind} item needs ${what}` });
    if (!wanted && f[field]) issues.push({ path: [field], message: `a ${kind} item has no ${what}` });
  };
  needs('packageId', PACKAGE_KINDS.includes(kind), 'a package');
  needs('url', URL_KINDS.includes(kind), 'a web address');
  needs('xapiActivityId', kind === 'xapi', 'an xAPI activity id');
  if (kind === 'xapi' && f.xapiActivityId && !isIri(f.xapiActivityId)) issues.push({ path: ['xapiActivityId'], message: 'the activity id must be an IRI, such as https://example.org/activities/fall-prevention' });
  return issues;
}

/** Kind-specific fields: present exactly for their kinds, and a package must be this municipality's, of the kind's family. */
export async function checkKindFields(tx: TenantTx, municipalityId: string, kind: LearningItemKind, f: KindFields): Promise<void> {
  const issues = kindIssues(kind, f);
  if (issues.length === 0 && f.packageId) {
    const pkg = await repo.findPackage(tx, municipalityId, f.packageId);
    if (!pkg) issues.push({ path: ['packageId'], message: 'no such package in this municipality' });
    else if (pkg.family !== kind) issues.push({ path: ['packageId'], message: `the package is a ${pkg.family} package, not ${kind}` });
  }
  if (issues.length > 0) throw AppError.validation('Some fields do not fit this kind of learning item.', { issues });
}

export type Tag = { code: string; level: number | null };

/** Tags name competences of the item's framework version, at levels on its scale, each once. */
export async function checkCompetences(tx: TenantTx, frameworkVersionId: string | null, tags: readonly Tag[]): Promise<void> {
  if (tags.length === 0) return;
  if (!frameworkVersionId) throw AppError.validation('Choose the framework the competences come from.', { issues: [{ path: ['frameworkVersionId'], message: 'required when competences are given' }] });
  const scale = await frameworkScale(tx, frameworkVersionId);
  if (!scale.exists) throw AppError.validation('The framework version does not exist.', { issues: [{ path: ['frameworkVersionId'], message: 'no such framework version' }] });
  const issues: Issue[] = tags.flatMap((t, i) => [
    ...(scale.codes.has(t.code) ? [] : [{ path: ['competences', String(i), 'code'], message: `unknown competence ${t.code}` }]),
    ...(t.level === null || t.level <= scale.maxLevel ? [] : [{ path: ['competences', String(i), 'level'], message: `the scale ends at ${scale.maxLevel}` }]),
  ]);
  const codes = tags.map((t) => t.code);
  if (new Set(codes).size !== codes.length) issues.push({ path: ['competences'], message: 'a competence is listed twice' });
  if (issues.length > 0) throw AppError.validation('Some competences are not valid for this framework.', { issues });
}
