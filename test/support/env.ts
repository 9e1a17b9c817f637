/**
 * Test-environment helpers shared by suites that need a real server (PostgreSQL, Chromium).
 * In CI (CI=true) a missing server is a failure; locally the suite skips and says why.
 */
import { existsSync } from 'node:fs';

export const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

/** The PostgreSQL URL for tests: STRIKEWATCH_TEST_PG, else the local trust-auth server. */
export const TEST_PG_URL = process.env.STRIKEWATCH_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}
