import path from 'node:path';

/** The repository's root, from src/ (tests) and dist/ (scripts) alike. */
export const repositoryRoot = path.resolve(__dirname, '../../..');
