// Other tests import it from here; it moved to src/ for the bench (load-tests) to use too.
export { scrapeSystem } from '../../src/prometheus-targets';
