/**
 * How long a sign-in refused for want of a hash slot should wait before trying again. A storm's
 * fans all retrying every second would cost the gateway a refusal per fan per second, CPU the
 * hashes need; told instead to come back when the fans refused before them should have got in,
 * they return about as fast as slots free up: the fans still waiting out a Retry-After, over the
 * sign-ins finished per second in the last few seconds. Past `maxSeconds` the wait is drawn
 * from 1 to `maxSeconds`: told the same longest wait, fans who arrived together would come back
 * together, and the slots would idle until they do.
 */
export interface SignInPacing {
  /** A sign-in left its slot. */
  finished(): void;
  /** Seconds to tell a refused sign-in: 1 to `maxSeconds`. */
  refuse(): number;
}

const WINDOW_MS = 5000;

export function signInPacing(
  maxSeconds: number,
  now: () => number = Date.now,
  random: () => number = Math.random,
): SignInPacing {
  const finishes: number[] = [];
  /** When each refused fan was told to come back, in order. */
  const comebacks: number[] = [];

  function forgetPast(at: number) {
    while (finishes.length > 0 && finishes[0]! <= at - WINDOW_MS) finishes.shift();
    while (comebacks.length > 0 && comebacks[0]! <= at) comebacks.shift();
  }

  return {
    finished() {
      finishes.push(now());
    },
    refuse() {
      const at = now();
      forgetPast(at);
      // Over the time the finishes span, so the first seconds of a storm do not look slow.
      const spanSeconds = Math.max(1, (at - (finishes[0] ?? at)) / 1000);
      const finishedPerSecond = finishes.length / spanSeconds;
      const due = finishedPerSecond === 0 ? 1 : Math.ceil(comebacks.length / finishedPerSecond);
      const seconds = due <= maxSeconds ? Math.max(1, due) : 1 + Math.floor(random() * maxSeconds);
      // Kept in order: insert after every comeback due no later.
      const comeback = at + seconds * 1000;
      let index = comebacks.length;
      while (index > 0 && comebacks[index - 1]! > comeback) index -= 1;
      comebacks.splice(index, 0, comeback);
      return seconds;
    },
  };
}
