// A subpath of its own, so services without a database never load pg or Prisma's runtime.
export * from './sql-database';
export * from './open-database';
export * from './unique-violation';
