import type { LearningItem } from '../../../../shared/api/learning.js';
import type { Language } from '../../../../shared/domain.js';
import type { Principal } from '../../access/principal.js';
import { languageChain, pick } from '../../frameworks/localize.js';
import { cataloguePolicy } from './catalogue.policy.js';
import type { ItemRow, TagRow } from './catalogue.repository.js';

// One item as every caller sees it: texts in all languages plus the ones
// picked for the reader, owner spelled out, and whether the reader may edit.
// Other slices (assignments, my learning, reports) present items with this.

export function presentItem(row: ItemRow, tags: readonly TagRow[], lang: Language | readonly Language[], principal: Principal | null): LearningItem {
  const chain = typeof lang === 'string' ? languageChain(lang) : lang.length > 0 ? [...lang] : languageChain();
  return {
    id: row.id,
    municipalityId: row.municipality_id,
    kind: row.kind,
    owner:
      row.owner_network_id === null
        ? { type: 'municipality', municipalityId: row.municipality_id }
        : { type: 'network', networkId: row.owner_network_id, networkName: row.owner_network_name ?? '' },
    status: row.status,
    titles: row.titles,
    descriptions: row.descriptions,
    title: pick(row.titles, chain) ?? '',
    description: pick(row.descriptions, chain),
    languages: row.languages as Language[],
    durationMinutes: row.duration_minutes,
    frameworkVersionId: row.framework_version_id,
    competences: tags.filter((t) => t.item_id === row.id).map((t) => ({ code: t.competence_code, level: t.level, name: pick(t.name, chain) })),
    packageId: row.package_id,
    url: row.url,
    xapiActivityId: row.xapi_activity_id,
    certificateEnabled: row.certificate_enabled,
    editable: principal ? cataloguePolicy.manageItem(principal, row.municipality_id, row.owner_network_id) : false,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
