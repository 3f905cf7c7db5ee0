// What `npm run reconcile` (deploy/bin/reconcile.mjs) imports as @headliner/reservation/reconcile-command.
export { reconcileOnce } from './use-cases/reconcile-once';
export { createLogger } from '@headliner/platform';
