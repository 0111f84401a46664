import type { z } from 'zod';
import type { Campaign, CampaignInstrument, CampaignMode, campaignInput, updateCampaignBody } from '../../../shared/api/mapping';
import type { Profession } from '../../../shared/domain';

// What the campaign form holds, and how it turns into the bodies of
// POST …/campaigns and PATCH …/campaigns/:id. Pure, so it is unit-tested.

export type CampaignFormValues = {
  name: string;
  frameworkVersionId: string;
  /** null: every competence of the version. */
  competenceCodes: string[] | null;
  unitIds: string[];
  professions: Profession[];
  /** Local calendar days, YYYY-MM-DD (what `<input type="date">` holds). */
  opens: string;
  closes: string;
  mode: CampaignMode;
  instruments: CampaignInstrument[];
};

export type CreateBody = z.input<typeof campaignInput>;
export type UpdateBody = z.input<typeof updateCampaignBody>;

/** A local calendar day as YYYY-MM-DD. */
export function isoDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A campaign opens at the start of its first day … */
export function openingTime(day: string): string {
  return new Date(`${day}T00:00:00`).toISOString();
}

/** … and closes at 23:59 on its last day (local time). */
export function closingTime(day: string): string {
  return new Date(`${day}T23:59:00`).toISOString();
}

export function emptyValues(now = new Date()): CampaignFormValues {
  return {
    name: '',
    frameworkVersionId: '',
    competenceCodes: null,
    unitIds: [],
    professions: [],
    opens: isoDay(now),
    closes: isoDay(new Date(now.getTime() + 14 * 86_400_000)),
    mode: 'identified',
    instruments: ['self_assessment'],
  };
}

export function valuesFromCampaign(c: Campaign): CampaignFormValues {
  return {
    name: c.name,
    frameworkVersionId: c.frameworkVersionId,
    competenceCodes: c.competenceCodes ? [...c.competenceCodes] : null,
    unitIds: [...c.unitIds],
    professions: [...c.professions],
    opens: isoDay(new Date(c.opensAt)),
    closes: isoDay(new Date(c.closesAt)),
    mode: c.mode,
    instruments: [...c.instruments],
  };
}

/**
 * The chosen competences in the framework's order; null when nothing is left
 * out (a campaign over the whole version), so it follows the version as stored.
 * An empty choice stays empty (the form refuses it).
 */
export function normalizeSelection(selected: readonly string[] | null, all: readonly string[]): string[] | null {
  if (selected === null) return null;
  const chosen = new Set(selected);
  const ordered = all.filter((code) => chosen.has(code));
  if (all.length > 0 && ordered.length === all.length) return null;
  return ordered;
}

/** Client-side checks; keys are the body's field names, values translation keys. */
export function checkValues(v: CampaignFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.name.trim()) errors.name = 'campaigns.errors.name';
  if (!v.frameworkVersionId) errors.frameworkVersionId = 'campaigns.errors.version';
  if (v.competenceCodes !== null && v.competenceCodes.length === 0) errors.competenceCodes = 'campaigns.errors.competences';
  if (!v.opens || !v.closes || v.closes < v.opens) errors.closesAt = 'campaigns.errors.dates';
  if (v.instruments.length === 0) errors.instruments = 'campaigns.errors.instruments';
  return errors;
}

export function createBody(v: CampaignFormValues): CreateBody {
  return {
    name: v.name.trim(),
    frameworkVersionId: v.frameworkVersionId,
    competenceCodes: v.competenceCodes,
    unitIds: v.unitIds,
    professions: v.professions,
    opensAt: openingTime(v.opens),
    closesAt: closingTime(v.closes),
    mode: v.mode,
    instruments: v.instruments,
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
const sameList = (a: readonly string[] | null, b: readonly string[] | null) => (a === null || b === null ? a === b : a.length === b.length && a.every((x, i) => x === b[i]));

/**
 * PATCH body for a draft: only what changed, so that untouched times (set to
 * the minute through the API, say) are kept as they are.
 */
export function draftPatch(c: Campaign, v: CampaignFormValues): UpdateBody {
  const before = valuesFromCampaign(c);
  const body: UpdateBody = {};
  if (v.name.trim() !== c.name) body.name = v.name.trim();
  if (v.frameworkVersionId !== c.frameworkVersionId) body.frameworkVersionId = v.frameworkVersionId;
  if (body.frameworkVersionId || !sameList(v.competenceCodes, c.competenceCodes)) body.competenceCodes = v.competenceCodes;
  if (!sameSet(v.unitIds, c.unitIds)) body.unitIds = v.unitIds;
  if (!sameSet(v.professions, c.professions)) body.professions = v.professions;
  if (v.opens !== before.opens) body.opensAt = openingTime(v.opens);
  if (v.closes !== before.closes) body.closesAt = closingTime(v.closes);
  if (v.mode !== c.mode) body.mode = v.mode;
  if (!sameSet(v.instruments, c.instruments)) body.instruments = v.instruments;
  return body;
}

/** What a published campaign may still change: its name and (a future) close date. */
export type PublishedValues = { name: string; closes: string };

export function checkPublished(c: Campaign, v: PublishedValues, now = new Date()): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.name.trim()) errors.name = 'campaigns.errors.name';
  if (!v.closes) errors.closesAt = 'campaigns.errors.closesInFuture';
  else if (v.closes !== isoDay(new Date(c.closesAt))) {
    const at = new Date(closingTime(v.closes)).getTime();
    if (at <= now.getTime()) errors.closesAt = 'campaigns.errors.closesInFuture';
    else if (at <= new Date(c.opensAt).getTime()) errors.closesAt = 'campaigns.errors.dates';
  }
  return errors;
}

export function publishedPatch(c: Campaign, v: PublishedValues): UpdateBody {
  const body: UpdateBody = {};
  if (v.name.trim() !== c.name) body.name = v.name.trim();
  if (v.closes !== isoDay(new Date(c.closesAt))) body.closesAt = closingTime(v.closes);
  return body;
}

/** The field of the form a server VALIDATION issue belongs to ("competenceCodes.3" → "competenceCodes"). */
export function fieldOf(path: string): string {
  return path.split('.')[0] ?? path;
}

type ServerError = { code: string; details: unknown; fieldIssues: () => Record<string, string> };

/**
 * Field messages (translation keys, or the server's own text where no key
 * fits) for a VALIDATION answer of the campaign routes: `details.issues` from
 * the definition check, or `details.field` (a closing time in the past).
 */
export function serverFieldKeys(error: ServerError): Record<string, { key: string } | { text: string }> {
  const out: Record<string, { key: string } | { text: string }> = {};
  if (error.code !== 'VALIDATION') return out;
  for (const [path, text] of Object.entries(error.fieldIssues())) {
    const field = fieldOf(path);
    if (field in out) continue;
    if (field === 'closesAt') out[field] = { key: 'campaigns.errors.dates' };
    else if (field === 'competenceCodes') out[field] = { key: 'campaigns.errors.unknownCompetence' };
    else if (field === 'unitIds') out[field] = { key: 'campaigns.errors.unknownUnit' };
    else if (field === 'frameworkVersionId') out[field] = { key: 'campaigns.errors.version' };
    else if (field === 'name') out[field] = { key: 'campaigns.errors.name' };
    else out[field || ''] = { text };
  }
  const field = (error.details as { field?: unknown } | null | undefined)?.field;
  if (typeof field === 'string' && !(field in out)) {
    out[field] = field === 'closesAt' ? { key: 'campaigns.errors.closesInFuture' } : field === 'frameworkVersionId' ? { key: 'campaigns.errors.version' } : { key: 'validation.invalid' };
  }
  return out;
}
