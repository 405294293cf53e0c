export function TableSkeleton({ rows = 5 }: { rows?: number }) {
  return (
    <div className="skeleton-table" role="status" aria-busy="true" aria-label="Loading">
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
        <div key={i} className="skeleton skeleton-row" />
      ))}
    </div>
  );
}

export function PanelSkeleton({ height = 120 }: { height?: number }) {
  return <div className="skeleton" style={{ height }} role="status" aria-busy="true" aria-label="Loading" />;
}
