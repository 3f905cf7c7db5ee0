import { register } from 'prom-client';

/** How often the cache answered `result` for `kind` so far in this test file's process. */
export async function cacheLookups(kind: string, result: string): Promise<number> {
  const metric = await register.getSingleMetric('catalogue_cache_lookups_total')?.get();
  return (
    metric?.values.find((value) => value.labels.kind === kind && value.labels.result === result)
      ?.value ?? 0
  );
}
