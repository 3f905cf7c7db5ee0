// What `npm run reconcile` (deploy/bin/reconcile.mjs) loads from dist.
export { reconcileOnce } from './use-cases/reconcile-once';
export { createLogger } from '@headliner/platform';
