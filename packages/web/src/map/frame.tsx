import type { ReactNode } from 'react';

/**
 * The SVG every map draws in: a fixed coordinate box scaled to the page's width, named for
 * assistive technology (`group` when its shapes are links, `img` when it is one picture).
 */
export function MapSvg({
  width,
  height,
  testId,
  label,
  role = 'group',
  children,
}: {
  width: number;
  height: number;
  testId: string;
  label: string;
  role?: 'group' | 'img';
  children: ReactNode;
}) {
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      data-testid={testId}
      role={role}
      aria-label={label}
      className="world-map"
    >
      {children}
    </svg>
  );
}
