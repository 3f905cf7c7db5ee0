import { ChargeRequest, IdempotencyHeaders, type ChargeResult } from '@headliner/contracts';
import { ProblemError, validate } from '@headliner/platform';
import type { SqlDatabase } from '@headliner/platform/database';
import { Router } from 'express';
import { chargeFingerprint } from '../domain/charge-fingerprint';
import { chargeWallet } from '../infra/charge-ledger';
import { chargedWon, charges } from '../wallet-metrics';
import { UserHeaders } from './user-headers';

const chargeRequest = validate({
  headers: UserHeaders.extend(IdempotencyHeaders.shape),
  body: ChargeRequest,
});

export function chargeRoute(db: SqlDatabase): Router {
  const router = Router();
  router.post('/api/v1/wallet/charges', chargeRequest, async (_req, res) => {
    const { headers, body } = chargeRequest.input(res);
    const charged = await chargeWallet(db, {
      userId: headers['x-user-id'],
      idempotencyKey: headers['idempotency-key'],
      amount: body.amount,
      fingerprint: chargeFingerprint(body),
    });
    charges.inc({ outcome: charged.outcome });
    if (charged.outcome === 'key_reused') throw keyReused();
    if (charged.outcome === 'charged') chargedWon.inc(body.amount);
    const result: ChargeResult = { balance: charged.balance };
    res.json(result);
  });
  return router;
}

function keyReused(): ProblemError {
  return ProblemError.unprocessable(
    'This Idempotency-Key was already used for a charge with a different body; ' +
      'use a new key for a new charge.',
    {
      title: 'Idempotency key reused',
      extensions: {
        errors: [
          {
            field: 'headers.idempotency-key',
            rule: 'reused',
            message: 'was already used with a different body',
          },
        ],
      },
    },
  );
}
