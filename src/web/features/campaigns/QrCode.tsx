import { useMemo } from 'react';
import { qrPath } from './qr';

const QUIET_ZONE = 4;

/**
 * A QR code as inline SVG (prints sharp at any size), exposed as one image
 * with an accessible name.
 */
export function QrCode({ value, label, className }: { value: string; label: string; className?: string }) {
  const { size, d } = useMemo(() => qrPath(value), [value]);
  const box = size + QUIET_ZONE * 2;
  return (
    <svg
      role="img"
      aria-label={label}
      className={className}
      viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${box} ${box}`}
      shapeRendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
      data-qr-value={value}
    >
      <title>{label}</title>
      <rect x={-QUIET_ZONE} y={-QUIET_ZONE} width={box} height={box} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
