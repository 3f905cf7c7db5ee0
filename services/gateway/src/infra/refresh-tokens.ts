import { randomUUID } from 'node:crypto';
import type { SqlStatements } from '@headliner/platform/database';
import type { Caller } from '../domain/caller';
import type { RefreshTokens } from '../domain/sessions';

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
        INSERT INTO refresh_tokens (id, family_id, user_id, role, token_hash, expires_at)
        VALUES (${randomUUID()}::uuid, ${randomUUID()}::uuid, ${userId}::uuid, ${role},
                ${tokenHash}, now() + make_interval(secs => ${ttlSeconds}))`;
    },
    async rotate(tokenHash, successorHash) {
      // One statement: of two refreshes racing with one token, the second finds it used.
      const [caller] = await db.$queryRaw<Caller[]>`
        WITH used AS (
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
