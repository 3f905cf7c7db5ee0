export { seedWallets } from './seed-wallets';
export { createPrisma } from '../infra/prisma';
