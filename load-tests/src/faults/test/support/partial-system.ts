import type { System } from '@headliner/system';

/** A System with only the handles an injector under test uses; any other use fails loudly. */
export function partialSystem(handles: Partial<System>): System {
  return new Proxy(handles, {
    get: (target, name: string) => {
      if (name in target) return target[name as keyof System];
      throw new Error(`the test's system has no ${name}`);
    },
  }) as System;
}
