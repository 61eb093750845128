import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The Content-Security-Policy of the built app (docs/architecture.md, "Security headers"): only
 * the app's own scripts, styles, images and fonts; no inline script, no eval. A meta tag, since
 * the app is served as static files; added to the build only, as the dev server injects inline
 * scripts for hot reload. `frame-ancestors` cannot be set by a meta tag: embedding is allowed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  plugins: [
    react(),
    contentSecurityPolicy(),
    // Offline (issue 22): a service worker precaches the built app, so a lecture hall without
    // Wi-Fi runs a demo opened once before. `prompt`: a new version waits until the user chooses
    // "Reload to update" (src/app/offline.ts), never changing a running lecture. Registered by
    // the app after its first page (a lazy chunk), not by an inline script (the CSP forbids one).
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Kafka, inside',
        short_name: 'Kafka inside',
        description: 'A deterministic, simulated Apache Kafka cluster for learning how replication works.',
        start_url: './',
        display: 'standalone',
        background_color: '#f4f6fb',
        theme_color: '#1d4ed8',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,webmanifest}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  base: './',
  // The replay worker (src/session/replay.worker.ts) loads the simulator's lazy mechanisms with
  // dynamic imports: an ES module worker, so its chunks split as the page's do.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Everything the first page needs in one chunk: the lazy panels' shared helpers would
        // otherwise become a dozen tiny preloaded files, each paying its own request and gzip
        // overhead. Lazy panels still load on their own.
        codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] },
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    // The simulator's optional mechanisms (core/features.ts) installed for every test file.
    setupFiles: ['src/core/allFeatures.ts'],
    testTimeout: 60000,
    // Vitest's default keeps one core for itself (one worker on the 2-core CI machines); its
    // main process mostly waits, so two workers there took the suite from about 140 s to 110.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
