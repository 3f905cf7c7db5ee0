export { seedWallets } from './seed-wallets';
export { createPrisma } from './prisma';
