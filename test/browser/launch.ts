/**
 * Debian's Chromium through playwright-core (never `playwright install`). The flags keep a headless
 * root run quiet on a closed network: no sandbox, no GPU, and no background calls home.
 */
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH } from '../support/env.js';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
