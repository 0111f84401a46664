import type { Me } from '../../../../shared/api/auth';
import { buildUrl } from '../../../api/client';
import type { MeMunicipality } from '../../../app/municipality';
import { flattenTree, type UnitNode } from '../../units/tree';

// Paths of the learning reports API, and which units the unit picker offers:
// a client-side mirror of reports.policy.ts (it only decides what to show;
// the server checks every request again and answers 404 outside the scope).

const base = (municipalityId: string) => `/municipalities/${municipalityId}/learning/reports`;
export const completionPath = (municipalityId: string) => `${base(municipalityId)}/completion`;
export const trendPath = (municipalityId: string) => `${base(municipalityId)}/trend`;
export const peoplePath = (municipalityId: string) => `${base(municipalityId)}/people`;
export const personPath = (municipalityId: string, personId: string) => `${base(municipalityId)}/people/${personId}`;
export const exportHref = (municipalityId: string, unitId: string | null, lang: string) => buildUrl(`${base(municipalityId)}/completion.xlsx`, { unitId, lang });

const WHOLE_MUNICIPALITY = ['municipal_admin', 'competence_advisor', 'leader'];

/** The units a reader may pick: every unit, or for a unit leader their units and everything below them. */
export function pickableUnits(me: Me | null | undefined, municipality: MeMunicipality | null, tree: readonly UnitNode[]): UnitNode[] {
  const all = flattenTree(tree);
  if (!me || !municipality) return [];
  if (me.grants.some((g) => WHOLE_MUNICIPALITY.includes(g.role) && g.scopeType === 'municipality' && g.municipalityId === municipality.id)) return all;
  const roots = new Set(me.grants.filter((g) => g.role === 'leader' && g.scopeType === 'unit' && g.municipalityId === municipality.id).map((g) => g.unitId));
  const out: UnitNode[] = [];
  const visit = (nodes: readonly UnitNode[], inside: boolean) => {
    for (const n of nodes) {
      const included = inside || roots.has(n.unit.id);
      if (included) out.push(n);
      visit(n.children, included);
    }
  };
  visit(tree, false);
  return out;
}
