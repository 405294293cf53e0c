export const CLICK_TEXT_MAX = 64;

// Visible text of a clicked element as it is sent: whitespace collapsed,
// truncated to 64 characters, every letter and digit masked unless unmasked.
export function clickText(raw: string, unmasked: boolean): string {
  const collapsed = raw
    .slice(0, CLICK_TEXT_MAX * 8)
    .replace(/\s+/g, ' ')
    .trim();
  const truncated = Array.from(collapsed).slice(0, CLICK_TEXT_MAX).join('');
  return unmasked ? truncated : maskText(truncated);
}

export function maskText(text: string): string {
  return text.replace(/[\p{L}\p{N}]/gu, '*');
}
