import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

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
  plugins: [react(), contentSecurityPolicy()],
  base: './',
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
  },
});
