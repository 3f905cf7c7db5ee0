import { ADMIN } from '@headliner/system';
import { signIn } from '../sessions';

/** The admin at the gateway, as a runbook's mitigation acts: every call must succeed. */
export interface Operator {
  call(
    method: 'GET' | 'PUT' | 'PATCH' | 'POST' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<unknown>;
}

/** What an operator does when the drill's alert arrives, and takes back after the fault. */
export interface Mitigation {
  /** In the runbook's words. */
  description: string;
  apply(operator: Operator): Promise<void>;
  undo(operator: Operator): Promise<void>;
}

export async function signInOperator(gatewayUrl: string): Promise<Operator> {
  const { accessToken } = await signIn(gatewayUrl, ADMIN.username, ADMIN.password);
  return {
    call: async (method, path, body) => {
      const response = await fetch(new URL(path, gatewayUrl), {
        method,
        headers: {
          authorization: `Bearer ${accessToken}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
      return text ? (JSON.parse(text) as unknown) : undefined;
    },
  };
}
