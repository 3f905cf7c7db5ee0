// What `npm run reconcile` (deploy/bin/reconcile.mjs) loads from dist.
export { reconcileOnce } from './reconcile-once';
export { createLogger } from '@headliner/platform';
