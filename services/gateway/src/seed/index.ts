export { seedUsers, type SeededUser } from './seed-users';
export { createPrisma } from './prisma';
