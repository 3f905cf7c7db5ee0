// The tests' name for it; the bench and the dashboard test use it from @headliner/system.
export { scrapeSystem } from '../../src/prometheus-targets';
