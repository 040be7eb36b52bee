import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways on a narrow screen; the scrolling region takes the keyboard focus, so that
 * it can be scrolled without a mouse.
 */
export function ScrollTable({
  minWidth,
  label = 'Table (scrolls sideways on a narrow screen)',
  children,
}: {
  minWidth: number;
  label?: string;
  children: ReactNode;
}) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}
