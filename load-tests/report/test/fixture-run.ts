import path from 'node:path';

/** A run folder trimmed from real k6 summaries: six scenarios ran, three did not. */
export const fixtureRunDir = path.join(__dirname, 'fixtures', 'run-2026-11-21T18-20-00Z');
