import {
  CALLER_STATEMENT_HEADER,
  signCallerStatement,
  type ServiceName,
} from '@headliner/contracts';

/**
 * The header a service sends when it calls another on its own account, e.g. reservation reading
 * concert's seat map: role `service`, subject the calling service. Signed afresh per request.
 */
export function ownCallerStatement(
  from: ServiceName,
  to: ServiceName,
  secret: string,
): Record<typeof CALLER_STATEMENT_HEADER, string> {
  const statement = signCallerStatement({ sub: from, role: 'service', aud: to }, secret);
  return { [CALLER_STATEMENT_HEADER]: statement };
}
