import { randomUUID } from 'node:crypto';
import type { SqlStatements } from '@headliner/platform/database';
import { Prisma } from '../generated/prisma/client';
import type { Caller } from '../domain/caller';
import type { RefreshTokens } from '../domain/sessions';

// Every token stored removes up to two that expired, so the table holds about the live tokens
// (rows of used ones included, which detect reuse) without a cleanup job. SKIP LOCKED: two
// sign-ins never wait on each other for the same dead row.
const SWEEP_EXPIRED = Prisma.sql`
  swept AS (
    DELETE FROM refresh_tokens WHERE id IN (
      SELECT id FROM refresh_tokens WHERE expires_at < now()
      ORDER BY expires_at LIMIT 2 FOR UPDATE SKIP LOCKED))`;

export function sqlRefreshTokens(db: SqlStatements, ttlSeconds: number): RefreshTokens {
  const revokeFamily = async (tokenHash: string) => {
    await db.$executeRaw`
      UPDATE refresh_tokens SET revoked_at = now()
      WHERE revoked_at IS NULL
        AND family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = ${tokenHash})`;
  };
  return {
    async start({ userId, role }, tokenHash) {
      await db.$executeRaw`
        WITH ${SWEEP_EXPIRED}
        INSERT INTO refresh_tokens (id, family_id, user_id, role, token_hash, expires_at)
        VALUES (${randomUUID()}::uuid, ${randomUUID()}::uuid, ${userId}::uuid, ${role},
                ${tokenHash}, now() + make_interval(secs => ${ttlSeconds}))`;
    },
    async rotate(tokenHash, successorHash) {
      // One statement: of two refreshes racing with one token, the second finds it used.
      const [caller] = await db.$queryRaw<Caller[]>`
        WITH ${SWEEP_EXPIRED},
        used AS (
          UPDATE refresh_tokens SET used_at = now()
          WHERE token_hash = ${tokenHash}
            AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
          RETURNING family_id, user_id, role)
        INSERT INTO refresh_tokens (id, family_id, user_id, role, token_hash, expires_at)
        SELECT ${randomUUID()}::uuid, family_id, user_id, role, ${successorHash},
               now() + make_interval(secs => ${ttlSeconds})
        FROM used
        RETURNING user_id AS "userId", role`;
      if (caller) return caller;
      await revokeFamily(tokenHash);
      return undefined;
    },
    revokeFamily,
  };
}
