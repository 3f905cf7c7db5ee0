import { z } from 'zod';

export const EntityId = z
  .uuid()
  .describe('UUID (RFC 9562); every user, concert, schedule, seat, reservation and payment id');
