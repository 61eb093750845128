import { defineConfig, devices } from '@playwright/test';

// PW_PORT lets several work trees run their e2e suites at once on one machine.
const port = Number(process.env.PW_PORT) || 4173;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/playwright',
  fullyParallel: true,
  // Playwright's default (half the cores: 1 on the 2-core CI machines) measured faster here than
  // 2 workers (15 min against about 11 for the suite); PW_WORKERS overrides.
  workers: Number(process.env.PW_WORKERS) || undefined,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '.playwright-results.json' }]],
  use: {
    baseURL: `http://localhost:${port}/`,
    trace: 'retain-on-failure',
    // The service worker precaches the whole app on every first visit: only the offline test
    // (e2e/offline.spec.ts) lets it run.
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 720 },
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    // `npm test` has just built dist (PW_BUILT=1); otherwise build first.
    command: process.env.PW_BUILT ? `npx vite preview --port ${port} --strictPort` : `npm run build && npx vite preview --port ${port} --strictPort`,
    url: `http://localhost:${port}/`,
    // Always a fresh build: a server left on the port would be tested with stale code.
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
