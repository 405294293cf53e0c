import { describe, expect, it } from 'vitest';
import { clickText, maskText } from './click-text.ts';

describe('clickText', () => {
  const cases: { raw: string; unmasked: boolean; text: string }[] = [
    { raw: 'Add to cart', unmasked: false, text: '*** ** ****' },
    { raw: 'Add to cart', unmasked: true, text: 'Add to cart' },
    { raw: '  Pay\n\t €42,00 now! ', unmasked: false, text: '*** €**,** ***!' },
    { raw: 'Grüße 東京 ١٢٣', unmasked: false, text: '***** ** ***' },
    { raw: '', unmasked: false, text: '' },
    { raw: 'x'.repeat(100), unmasked: true, text: 'x'.repeat(64) },
    { raw: 'y'.repeat(100), unmasked: false, text: '*'.repeat(64) },
    { raw: '😀'.repeat(70), unmasked: true, text: '😀'.repeat(64) },
  ];

  it.each(cases)('$raw (unmasked: $unmasked)', ({ raw, unmasked, text }) => {
    expect(clickText(raw, unmasked)).toBe(text);
  });

  it('masks letters and digits only', () => {
    expect(maskText('a-1_B.c@d')).toBe('*-*_*.*@*');
  });
});
