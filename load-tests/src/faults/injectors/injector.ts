import type { System } from '@headliner/system';

/**
 * How a fault is put in and taken out. `remove` must leave the shared infrastructure as it was
 * and be safe to call twice, or after an `inject` that failed half way.
 */
export interface Injector {
  inject(system: System): Promise<void>;
  remove(system: System): Promise<void>;
}
