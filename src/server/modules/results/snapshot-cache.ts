import type { TenantTx } from '../../db/tenant.js';
import type { Snapshot } from './compute.js';
import { loadSnapshot } from './results.repository.js';

// A campaign's results snapshot never changes once written (see snapshot.ts),
// so it can be kept in memory: the dashboard then reads only what can change
// (the campaign row, role profiles, the unit tree for requirements). Entries
// are keyed by municipality and campaign and are only ever read after the
// request's own access checks. Bounded by the number of cells held, since one
// large municipality's snapshot outweighs many small ones.

export type CachedSnapshot = Snapshot & { surveyRespondents: number; survey: Map<string, Map<string, number>> };

const MAX_CELLS = 400_000;
const entries = new Map<string, { snapshot: CachedSnapshot; cells: number }>();
let held = 0;

export async function cachedSnapshot(tx: TenantTx, municipalityId: string, campaignId: string): Promise<CachedSnapshot | undefined> {
  const key = `${municipalityId}:${campaignId}`;
  const hit = entries.get(key);
  if (hit) {
    // Refresh its place in the LRU order.
    entries.delete(key);
    entries.set(key, hit);
    return hit.snapshot;
  }
  const snapshot = await loadSnapshot(tx, municipalityId, campaignId);
  if (!snapshot) return undefined;
  const cells = Math.max(1, snapshot.cells.length * Math.max(1, snapshot.stats.size ? [...snapshot.stats.values()][0]!.size : 1));
  entries.set(key, { snapshot, cells });
  held += cells;
  for (const [k, e] of entries) {
    if (held <= MAX_CELLS || entries.size <= 1) break;
    entries.delete(k);
    held -= e.cells;
  }
  return snapshot;
}

/** For tests that rewrite a snapshot by hand. */
export function forgetSnapshots(): void {
  entries.clear();
  held = 0;
}
