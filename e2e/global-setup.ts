import { buildWebOnce } from './server.ts';

/**
 * One `vite build` for the whole browser run, before any journey starts: journeys run two at
 * a time, and two builds into dist/web at once would serve each other half-written files.
 * The journeys' own processes then reuse it (E2E_SKIP_BUILD=1 reaches them through the env).
 */
export default function setup(): void {
  buildWebOnce();
  process.env.E2E_SKIP_BUILD = '1';
}
