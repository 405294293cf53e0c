import { heatColor, heatLookup } from '@/lib/heatmap-palette';
import type { HeatPoint, ScrollBand } from '@/lib/heatmap-points';
import { formatShare } from '@/lib/heatmap-points';

// Canvas drawing for the heatmap layers, in document coordinates (the canvas
// is exactly as large as the rebuilt page and scaled with it).

let lookup: Uint8ClampedArray | undefined;

/** Intensity spots: soft circles summed in the alpha channel, then coloured cold to hot. */
export function drawHeat(canvas: HTMLCanvasElement, points: HeatPoint[], radius: number): void {
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return;
  context.clearRect(0, 0, canvas.width, canvas.height);
  for (const point of points) {
    const gradient = context.createRadialGradient(point.x, point.y, 0, point.x, point.y, radius);
    // A floor keeps single clicks visible next to hot spots.
    gradient.addColorStop(0, `rgba(0,0,0,${0.25 + 0.75 * point.weight})`);
    gradient.addColorStop(1, 'rgba(0,0,0,0)');
    context.fillStyle = gradient;
    context.fillRect(point.x - radius, point.y - radius, radius * 2, radius * 2);
  }
  if (canvas.width === 0 || canvas.height === 0) return;
  const image = context.getImageData(0, 0, canvas.width, canvas.height);
  lookup ??= heatLookup();
  const pixels = image.data;
  for (let i = 0; i < pixels.length; i += 4) {
    const alpha = pixels[i + 3]!;
    if (alpha === 0) continue;
    pixels[i] = lookup[alpha * 4]!;
    pixels[i + 1] = lookup[alpha * 4 + 1]!;
    pixels[i + 2] = lookup[alpha * 4 + 2]!;
    pixels[i + 3] = lookup[alpha * 4 + 3]!;
  }
  context.putImageData(image, 0, 0);
}

/** Horizontal bands coloured by the share of visitors who scrolled that far, with a label every 25 %. */
export function drawScroll(canvas: HTMLCanvasElement, bands: ScrollBand[]): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  const { width, height } = canvas;
  context.clearRect(0, 0, width, height);
  for (const band of bands) {
    const [r, g, b] = heatColor(band.share);
    context.fillStyle = `rgba(${r},${g},${b},0.45)`;
    const top = (band.fromPercent / 100) * height;
    context.fillRect(0, top, width, (band.toPercent / 100) * height - top + 1);
  }
  context.font = 'bold 14px system-ui, sans-serif';
  for (const band of bands.filter((b) => b.fromPercent % 25 === 0 && b.fromPercent > 0)) {
    const y = (band.fromPercent / 100) * height;
    context.fillStyle = 'rgba(0,0,0,0.75)';
    context.fillRect(0, y - 1, width, 2);
    const label = `${formatShare(band.share)} of visitors reached ${band.fromPercent} %`;
    const textWidth = context.measureText(label).width;
    context.fillRect(8, y + 4, textWidth + 12, 22);
    context.fillStyle = '#fff';
    context.fillText(label, 14, y + 20);
  }
}
