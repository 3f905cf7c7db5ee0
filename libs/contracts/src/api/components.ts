import { z } from 'zod';

// Every schema registered here becomes #/components/schemas/<id> in the OpenAPI document, so
// clients get one named type instead of the same shape inlined in each operation. Register a
// schema last in its chain: .describe() and .refine() return new instances.
export const apiComponents = z.registry<{ id: string }>();
