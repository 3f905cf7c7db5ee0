import {
  foldCpuProfile,
  frameName,
  topSelfFrames,
  type CpuProfile,
} from '../profiling/fold-cpu-profile';

const frame = (functionName: string, url = '', lineNumber = 0) => ({
  functionName,
  url,
  lineNumber,
});

// (root) → handle (gateway) → parse (node_modules), and (root) → (idle)
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 4] },
    {
      id: 2,
      callFrame: frame('handle', 'file:///srv/checkout/services/gateway/dist/http/app.js', 9),
      children: [3],
    },
    {
      id: 3,
      callFrame: frame('parse', 'file:///srv/checkout/node_modules/fastify/lib/parse.js', 0),
    },
    { id: 4, callFrame: frame('(idle)') },
  ],
  samples: [2, 3, 3, 4, 3],
  timeDeltas: [0, 100, 200, 300, 400],
};

describe('foldCpuProfile', () => {
  it('weighs each stack by the time its leaf ran itself, root first, idle left out', () => {
    expect(foldCpuProfile(profile).sort()).toEqual([
      'handle services/gateway/dist/http/app.js:10 100',
      'handle services/gateway/dist/http/app.js:10;parse node_modules/fastify/lib/parse.js:1 900',
    ]);
  });

  it('keeps separators out of frame names', () => {
    expect(frameName(frame('a;b  c'))).toBe('a:b c');
    expect(frameName(frame(''))).toBe('(anonymous)');
  });
});

describe('topSelfFrames', () => {
  it('ranks leaves by their share of all CPU', () => {
    expect(topSelfFrames(['a;b 30', 'c;b 30', 'a 40'], 1)).toEqual([{ frame: 'b', share: 0.6 }]);
  });
});
