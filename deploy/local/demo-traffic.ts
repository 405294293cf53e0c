import type { Browser } from 'playwright-core';
import { launchChromium } from '../../sdk/test/chromium.ts';
import { visitDemoShop } from './demo-visitor.ts';

// `npm start` keeps the demo shop busy so that a fresh dashboard has real
// sessions to show: a headless Chromium visits it now and then, as a desktop,
// a tablet or a phone, through the real SDK.

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 820, height: 1180 },
  { width: 390, height: 844 },
];

export async function startDemoTraffic(demoUrl: string, intervalMs: number, log: (line: string) => void) {
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
  } catch (error) {
    log(`demo traffic is off: Chromium did not start (${error instanceof Error ? error.message : error})`);
    return { stop: async () => {} };
  }
  let visits = 0;
  let stopped = false;
  const visitOnce = async () => {
    const viewport = VIEWPORTS[visits % VIEWPORTS.length];
    try {
      await visitDemoShop(browser!, demoUrl, { viewport });
      visits++;
      if (visits === 1 || visits % 10 === 0) log(`demo traffic: ${visits} visits recorded so far`);
    } catch (error) {
      log(`demo traffic: a visit failed (${error instanceof Error ? error.message : error})`);
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const loop = async () => {
    await visitOnce();
    if (!stopped) timer = setTimeout(loop, intervalMs);
  };
  void loop();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await browser?.close();
    },
  };
}
