// A tiny seeded PRNG so that every run of the seeder, every e2e run and every
// benchmark sees exactly the same people (Math.random would make failures
// impossible to reproduce).

export type Random = {
  next(): number;
  int(minInclusive: number, maxInclusive: number): number;
  pick<T>(items: readonly T[]): T;
  weighted<T extends string | number>(weights: readonly (readonly [T, number])[]): T;
};

/** mulberry32: 32-bit state, good enough spread for test data, no dependency. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    weighted<T extends string | number>(weights: readonly (readonly [T, number])[]): T {
      const total = weights.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [value, w] of weights) {
        roll -= w;
        if (roll < 0) return value;
      }
      const last = weights[weights.length - 1];
      if (!last) throw new Error('weighted pick from an empty list');
      return last[0];
    },
  };
}
