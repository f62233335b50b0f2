/** The hatch that marks "no data" on a map (referenced as `url(#no-data)`). */
export function NoDataPattern() {
  return (
    <pattern id="no-data" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="6" height="6" fill="#ffffff" />
      <line x1="0" y1="0" x2="0" y2="6" stroke="#b0b0b0" strokeWidth="1.5" />
    </pattern>
  );
}
