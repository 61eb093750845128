/**
 * The two tiers of the end-to-end suite (README, its first section). `npm test` and CI run the fast tier:
 * every feature's own checks and each issue's acceptance tests, one case of each sweep. The
 * full tier (`npm run test:full`) adds the sweeps: every lesson played through in both
 * languages, every position of the page-matches-runner cases, each axe and screenshot case in
 * both languages and every mode. Run it before merging a change to the view.
 */
import type { TestDetails } from '@playwright/test';

/** Only in the full tier. */
export const FULL: TestDetails = { tag: '@full' };

/** In the fast tier only when `fast` (one representative case of a sweep). */
export const fullUnless = (fast: boolean): TestDetails => (fast ? {} : FULL);
