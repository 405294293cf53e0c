import type { Browser } from 'playwright-core';

export type VisitOptions = {
  /** Viewport of the visitor's window: 1280×800 is a desktop, 390×844 a phone. */
  viewport?: { width: number; height: number };
  /** Text typed into the shop's inputs; the SDK must never record it. */
  typed?: string;
};

/**
 * One visitor's walk through the demo shop in a real browser, touching every
 * signal the product detects: page views and a navigation, two useful clicks, a
 * rage click on the dead "Broken" button, typing, scrolling, and an order that
 * fails with an uncaught error. Closing the page ends the visit (the SDK flushes
 * on page hide).
 */
export async function visitDemoShop(
  browser: Browser,
  demoUrl: string,
  options: VisitOptions = {},
): Promise<void> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(demoUrl);
    const addToCart = page.locator('#add-to-cart');
    await addToCart.click();
    await addToCart.click();
    const broken = page.locator('#broken');
    for (let i = 0; i < 5; i++) await broken.click({ delay: 10 });
    await page.locator('#name').fill(options.typed ?? 'Ada Lovelace');
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(300);
    await page.locator('#to-checkout').click();
    await page.waitForURL(/checkout/);
    await page.locator('#add-to-cart').click();
    await page.locator('#place-order').click();
    await page.waitForTimeout(300);
    await page.close({ runBeforeUnload: true });
  } finally {
    await context.close();
  }
}
