/** The parts of a V8 `.cpuprofile` (what `node --cpu-prof` writes) that a flame graph needs. */
export interface CpuProfile {
  nodes: CpuProfileNode[];
  /** The node id of each sample, in time order. */
  samples: number[];
  /** Microseconds since the previous sample (the first: since startTime), one per sample. */
  timeDeltas: number[];
}

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** Not CPU work: the thread was waiting, so it is left out of the graph. */
const IDLE = '(idle)';

/**
 * One stack per line, root first, frames separated by ';', then the microseconds of CPU its
 * leaf spent itself: the "folded" format flame-graph tools read. A sample is weighed by the
 * time until the next one, since a loaded machine stretches the sampling interval.
 */
export function foldCpuProfile(profile: CpuProfile): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parentOf.set(child, node.id);
  }

  const microsByNode = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    // The last sample has no next one: it is given the interval before it.
    const micros = profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0;
    microsByNode.set(id, (microsByNode.get(id) ?? 0) + micros);
  });

  const microsByStack = new Map<string, number>();
  for (const [id, micros] of microsByNode) {
    if (micros <= 0) continue;
    const stack = stackOf(id, byId, parentOf);
    if (stack.length === 0 || stack.at(-1) === IDLE) continue;
    const key = stack.join(';');
    microsByStack.set(key, (microsByStack.get(key) ?? 0) + micros);
  }
  return [...microsByStack].map(([stack, micros]) => `${stack} ${Math.round(micros)}`);
}

function stackOf(
  id: number,
  byId: Map<number, CpuProfileNode>,
  parentOf: Map<number, number>,
): string[] {
  const frames: string[] = [];
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const node = byId.get(at);
    if (!node || node.callFrame.functionName === '(root)') break;
    frames.push(frameName(node.callFrame));
  }
  return frames.reverse();
}

/** `name file:line`, the file cut to what identifies it (its package, or its path in the repository). */
export function frameName(frame: CpuProfileNode['callFrame']): string {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return clean(name);
  return clean(`${name} ${shortFile(frame.url)}:${frame.lineNumber + 1}`);
}

function shortFile(url: string): string {
  const file = url.replace(/^file:\/\//, '');
  const packaged = file.lastIndexOf('/node_modules/');
  if (packaged >= 0) return file.slice(packaged + 1);
  const inRepository = /\/((?:services|libs|tools|load-tests|e2e)\/.*)$/.exec(file);
  return inRepository?.[1] ?? file;
}

/** ';' separates frames and the last space the count, so neither may stay inside a frame. */
function clean(frame: string): string {
  return frame.replace(/;/g, ':').replace(/\s+/g, ' ').trim();
}

/** The frames that spent the most CPU themselves, with their share of all of it. */
export function topSelfFrames(folded: string[], count: number): { frame: string; share: number }[] {
  const microsByFrame = new Map<string, number>();
  let total = 0;
  for (const line of folded) {
    const split = line.lastIndexOf(' ');
    const micros = Number(line.slice(split + 1));
    const leaf = line.slice(0, split).split(';').at(-1)!;
    microsByFrame.set(leaf, (microsByFrame.get(leaf) ?? 0) + micros);
    total += micros;
  }
  return [...microsByFrame]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([frame, micros]) => ({ frame, share: micros / total }));
}
