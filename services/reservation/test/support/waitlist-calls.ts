import { asUser } from '@headliner/testing';
import type { Answer, ServiceClient } from './service-client';

/** The waiting-list routes, called as the gateway calls them for a signed-in fan. */
export function waitlistCalls(client: ServiceClient) {
  const path = (scheduleId: string) => `/api/v1/schedules/${scheduleId}/waitlist`;
  return {
    join: (userId: string, scheduleId: string): Promise<Answer> =>
      client.send('POST', path(scheduleId), asUser('reservation', { userId })),
    standing: (userId: string, scheduleId: string): Promise<Answer> =>
      client.send('GET', path(scheduleId), asUser('reservation', { userId })),
    /** The status alone: a 204 has no body to read. */
    leave: async (userId: string, scheduleId: string): Promise<number> => {
      const response = await fetch(client.baseUrl + path(scheduleId), {
        method: 'DELETE',
        headers: asUser('reservation', { userId }),
      });
      return response.status;
    },
  };
}
