import type { CatalogueItem, CreateItemBody, ItemStatus, LearningItemKind, UpdateItemBody } from '../../../../shared/api/learning';
import { LANGUAGES, type Language } from '../../../../shared/domain';

// The editor's values (strings, as the inputs hold them) and the request
// bodies made from them. Texts are kept per language for every language, so
// unticking a language and ticking it again does not lose what was typed;
// only the ticked languages' texts are sent.

export type TagValue = { code: string; level: string };

export type ItemValues = {
  kind: LearningItemKind;
  owner: 'municipality' | 'network';
  languages: Language[];
  titles: Record<Language, string>;
  descriptions: Record<Language, string>;
  durationMinutes: string;
  packageId: string;
  url: string;
  xapiActivityId: string;
  frameworkVersionId: string;
  competences: TagValue[];
  certificateEnabled: boolean;
  status: ItemStatus;
};

const perLanguage = (from: Partial<Record<Language, string>> = {}) => Object.fromEntries(LANGUAGES.map((l) => [l, from[l] ?? ''])) as Record<Language, string>;

export function emptyValues(language: Language, owner: ItemValues['owner']): ItemValues {
  return {
    kind: 'link',
    owner,
    languages: [language],
    titles: perLanguage(),
    descriptions: perLanguage(),
    durationMinutes: '',
    packageId: '',
    url: '',
    xapiActivityId: '',
    frameworkVersionId: '',
    competences: [],
    certificateEnabled: true,
    status: 'draft',
  };
}

export function valuesOf(item: CatalogueItem): ItemValues {
  // Texts in languages the item is not marked as being in are still the item's: keep those languages ticked.
  const languages = LANGUAGES.filter((l) => item.languages.includes(l) || item.titles[l] || item.descriptions[l]);
  return {
    kind: item.kind,
    owner: item.owner.type,
    languages,
    titles: perLanguage(item.titles),
    descriptions: perLanguage(item.descriptions),
    durationMinutes: item.durationMinutes === null ? '' : String(item.durationMinutes),
    packageId: item.packageId ?? '',
    url: item.url ?? '',
    xapiActivityId: item.xapiActivityId ?? '',
    frameworkVersionId: item.frameworkVersionId ?? '',
    competences: item.competences.map((c) => ({ code: c.code, level: c.level === null ? '' : String(c.level) })),
    certificateEnabled: item.certificateEnabled,
    status: item.status,
  };
}

const filled = (texts: Record<Language, string>, languages: Language[]) =>
  Object.fromEntries(languages.filter((l) => texts[l].trim() !== '').map((l) => [l, texts[l].trim()])) as Partial<Record<Language, string>>;

/** A number when the field holds one, the text itself otherwise (so validation names the field). */
const minutes = (value: string) => (value.trim() === '' ? null : /^\d+$/.test(value.trim()) ? Number(value.trim()) : (value as unknown as number));

const kindFields = (v: ItemValues) => ({
  ...(v.kind === 'scorm' || v.kind === 'cmi5' ? { packageId: v.packageId || undefined } : {}),
  ...(v.kind === 'video' || v.kind === 'link' ? { url: v.url.trim() || undefined } : {}),
  ...(v.kind === 'xapi' ? { xapiActivityId: v.xapiActivityId.trim() || undefined } : {}),
});

const common = (v: ItemValues) => ({
  titles: filled(v.titles, v.languages),
  descriptions: filled(v.descriptions, v.languages),
  languages: v.languages,
  durationMinutes: minutes(v.durationMinutes),
  frameworkVersionId: v.frameworkVersionId || null,
  competences: v.competences.filter((c) => c.code).map((c) => ({ code: c.code, level: c.level === '' ? null : Number(c.level) })),
  certificateEnabled: v.certificateEnabled,
});

export function createBody(v: ItemValues, networkId: string | null): CreateItemBody {
  return {
    kind: v.kind,
    ...(v.owner === 'network' && networkId ? { ownerNetworkId: networkId } : {}),
    ...common(v),
    ...kindFields(v),
    status: v.status === 'published' ? 'published' : 'draft',
  } as CreateItemBody;
}

export function updateBody(v: ItemValues, expectedUpdatedAt: string): UpdateItemBody {
  return { ...common(v), ...kindFields(v), status: v.status, expectedUpdatedAt } as UpdateItemBody;
}
