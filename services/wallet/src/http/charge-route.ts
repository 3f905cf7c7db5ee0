import {
  apiRoutes,
  ChargeRequest,
  expressPath,
  IDEMPOTENCY_KEY_HEADER,
  IdempotencyHeaders,
  type ChargeResult,
} from '@headliner/contracts';
import { ProblemError, signedInUser, validate } from '@headliner/platform';
import type { SqlDatabase } from '@headliner/platform/database';
import { Router } from 'express';
import { chargeFingerprint } from '../domain/charge-fingerprint';
import { chargeWallet } from '../use-cases/charge-wallet';
import { chargedWon, charges } from '../metrics';

const chargeRequest = validate({
  headers: IdempotencyHeaders,
  body: ChargeRequest,
});

export interface ChargeLimits {
  /** MAX_BALANCE_WON: no charge takes a balance past it. */
  maxBalance: number;
  /** WALLET_DAILY_CHARGE_CAP_WON: a user's charges of one day (Asia/Seoul) add up to at most this. */
  dailyCap: number;
}

export function chargeRoute(db: SqlDatabase, { maxBalance, dailyCap }: ChargeLimits): Router {
  const router = Router();
  router.post(expressPath(apiRoutes.chargeWallet), chargeRequest, async (_req, res) => {
    const { headers, body } = chargeRequest.input(res);
    const charged = await chargeWallet(db, {
      userId: signedInUser(res).sub,
      idempotencyKey: headers[IDEMPOTENCY_KEY_HEADER],
      amount: body.amount,
      fingerprint: chargeFingerprint(body),
      maxBalance,
      dailyCap,
    });
    charges.inc({ outcome: charged.outcome });
    if (charged.outcome === 'key_reused') throw keyReused();
    if (charged.outcome === 'over_maximum')
      throw overMaximum(body.amount, charged.balance, maxBalance);
    if (charged.outcome === 'over_daily_cap') throw overDailyCap(body.amount, charged, dailyCap);
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

function overMaximum(amount: number, balance: number, maxBalance: number): ProblemError {
  return ProblemError.unprocessable(
    `A charge of ${amount} won would take your balance of ${balance} won past the maximum of ` +
      `${maxBalance} won; nothing was charged. At most ${maxBalance - balance} won can be added.`,
    {
      title: 'Balance limit exceeded',
      extensions: {
        balance,
        maxBalance,
        errors: [
          {
            field: 'body.amount',
            rule: 'max-balance',
            message: `must keep the balance at most ${maxBalance} won`,
          },
        ],
      },
    },
  );
}

function overDailyCap(
  amount: number,
  { charged, resetsAt }: { charged: number; resetsAt: Date },
  dailyCap: number,
): ProblemError {
  const resets = resetsAt.toISOString();
  return ProblemError.unprocessable(
    `A charge of ${amount} won would take today's charges of ${charged} won past the daily cap ` +
      `of ${dailyCap} won; nothing was charged. At most ${dailyCap - charged} won can be added ` +
      `until the cap resets at ${resets} (midnight in Seoul).`,
    {
      title: 'Daily charge cap exceeded',
      extensions: {
        chargedToday: charged,
        dailyCap,
        resetsAt: resets,
        errors: [
          {
            field: 'body.amount',
            rule: 'daily-charge-cap',
            message: `must keep today's charges at most ${dailyCap} won (resets at ${resets})`,
          },
        ],
      },
    },
  );
}
