import { ownCallerStatement } from '@headliner/platform';
import { CALLER_STATEMENT_HEADER, signCallerStatement } from '@headliner/contracts';
import type { Caller } from '../domain/caller';
import type { UpstreamName } from './upstreams';

export type StatementHeader = Record<typeof CALLER_STATEMENT_HEADER, string>;

/** The signed statements of who is calling that the gateway sends each service, per request. */
export interface InternalStatements {
  /** For a signed-in caller; `admittedTo` once their queue token was verified ACTIVE for it. */
  forCaller(to: UpstreamName, caller: Caller, admittedTo?: string): StatementHeader;
  /** For the gateway's own calls: reads anyone may make, the internal queue-token check. */
  ownCall(to: UpstreamName): StatementHeader;
}

export function internalStatements(secret: string): InternalStatements {
  return {
    forCaller: (to, { userId, role }, admittedTo) => {
      const claims = { sub: userId, role, aud: to, ...(admittedTo && { admittedTo }) };
      return { [CALLER_STATEMENT_HEADER]: signCallerStatement(claims, secret) };
    },
    ownCall: (to) => ownCallerStatement('gateway', to, secret),
  };
}
