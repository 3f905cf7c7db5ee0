export { seedCatalogue, type SeedOptions, type SeedResult } from './seed-catalogue';
export { createPrisma } from './prisma';
