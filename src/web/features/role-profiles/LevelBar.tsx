import type { CSSProperties } from 'react';

/**
 * The required level as a row of filled steps, one per level on the scale.
 * Decorative: the level is always also given in text (or in the select).
 */
export function LevelBar({ level, max }: { level: number | null; max: number }) {
  const steps = Math.max(1, max);
  return (
    <span className="level-bar" data-level={level ?? 0} aria-hidden="true" style={{ '--level-steps': steps } as CSSProperties}>
      {Array.from({ length: steps }, (_, i) => (
        <span key={i} className="level-bar__step" data-filled={level !== null && i < level} />
      ))}
    </span>
  );
}
