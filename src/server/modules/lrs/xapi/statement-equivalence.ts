// xAPI's Statement Comparison: two statements are "the same" when they differ
// only in what the LRS sets (authority, stored, version) and in spelling that
// does not change meaning (key order, case of UUIDs, timestamp notation,
// duration precision beyond 0.01 s).

type Json = unknown;

const LRS_SET = new Set(['authority', 'stored', 'version']);

function canonical(value: Json, key?: string): Json {
  if (Array.isArray(value)) {
    const items = value.map((v) => canonical(v));
    // Group members are a set.
    return key === 'member' ? items.map((i) => JSON.stringify(i)).sort().map((s) => JSON.parse(s)) : items;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const k of Object.keys(value as object).sort()) out[k] = canonical((value as Record<string, Json>)[k], k);
    return out;
  }
  if (typeof value === 'string') {
    if (key === 'id' || key === 'registration') {
      if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return value.toLowerCase();
    }
    if (key === 'timestamp') {
      const t = Date.parse(value);
      if (!Number.isNaN(t)) return new Date(t).toISOString();
    }
    // 2.0.0 4.2.7 (SHALL), 1.0.3 Data 4.6 (SHOULD): durations compare to 0.01 s.
    if (key === 'duration') return hundredths(value);
  }
  return value;
}

/** The duration with its seconds cut (not rounded) to hundredths, without trailing zeros. */
function hundredths(duration: string): string {
  return duration.replace(/(\d+)\.(\d+)S$/, (_m, whole: string, fraction: string) => {
    const kept = fraction.slice(0, 2).replace(/0+$/, '');
    return kept ? `${whole}.${kept}S` : `${whole}S`;
  });
}

/** True when `a` and `b` are the same statement by xAPI's comparison rules. */
export function sameStatement(a: Record<string, Json>, b: Record<string, Json>): boolean {
  const strip = (s: Record<string, Json>) => Object.fromEntries(Object.entries(s).filter(([k]) => !LRS_SET.has(k)));
  return JSON.stringify(canonical(strip(a))) === JSON.stringify(canonical(strip(b)));
}
