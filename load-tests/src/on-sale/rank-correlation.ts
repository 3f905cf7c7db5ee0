/** 1-based ranks of the values, ties sharing the mean of the ranks they span. */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranked = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.value === order[start]!.value) end += 1;
    const shared = (start + end) / 2 + 1;
    for (let i = start; i <= end; i += 1) ranked[order[i]!.index] = shared;
    start = end + 1;
  }
  return ranked;
}

/**
 * Spearman's rank correlation: the Pearson correlation of the ranks (ties averaged). 1: the same
 * order, −1: reversed, about 0: unrelated. Undefined below two values or when either side is all
 * ties.
 */
export function spearman(xs: readonly number[], ys: readonly number[]): number | undefined {
  if (xs.length !== ys.length) throw new Error('spearman: the two series differ in length');
  if (xs.length < 2) return undefined;
  const rx = ranks(xs);
  const ry = ranks(ys);
  const mean = (xs.length + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < rx.length; i += 1) {
    const dx = rx[i]! - mean;
    const dy = ry[i]! - mean;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? undefined : sxy / Math.sqrt(sxx * syy);
}

/**
 * Under a uniform shuffle Spearman's ρ has mean 0 and standard deviation 1/√(n−1): four of them is
 * the bound a fair draw exceeds about once in 16,000 runs.
 */
export function shuffleBound(n: number): number {
  return 4 / Math.sqrt(n - 1);
}
