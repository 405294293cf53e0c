export type Rgba = [number, number, number, number];

// Cold to hot: transparent blue, cyan, green, yellow, red.
const STOPS: [number, Rgba][] = [
  [0, [0, 0, 255, 0]],
  [0.25, [0, 200, 255, 140]],
  [0.5, [0, 220, 0, 170]],
  [0.75, [255, 220, 0, 200]],
  [1, [255, 0, 0, 220]],
];

/** Colour of an intensity from 0 (cold, transparent) to 1 (hot); values outside are clamped. */
export function heatColor(intensity: number): Rgba {
  const t = Math.min(1, Math.max(0, Number.isFinite(intensity) ? intensity : 0));
  for (let i = 1; i < STOPS.length; i++) {
    const [at, to] = STOPS[i]!;
    const [prevAt, from] = STOPS[i - 1]!;
    if (t <= at) {
      const k = (t - prevAt) / (at - prevAt);
      return from.map((channel, c) => Math.round(channel + (to[c]! - channel) * k)) as Rgba;
    }
  }
  return STOPS[STOPS.length - 1]![1];
}

/** A 256-entry lookup table (RGBA bytes) from alpha to heat colour, for colouring a canvas. */
export function heatLookup(): Uint8ClampedArray {
  const table = new Uint8ClampedArray(256 * 4);
  for (let alpha = 0; alpha < 256; alpha++) table.set(heatColor(alpha / 255), alpha * 4);
  return table;
}
