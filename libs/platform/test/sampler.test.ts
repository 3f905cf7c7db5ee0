import { randomBytes } from 'node:crypto';
import { ROOT_CONTEXT, SpanKind, TraceFlags, trace } from '@opentelemetry/api';
import { SamplingDecision } from '@opentelemetry/sdk-trace';
import { baseConfigSchema, ConfigError, loadConfig } from '../src/config';
import { samplerOf } from '../src/telemetry/telemetry';

const traceId = randomBytes(16).toString('hex');
const sampledParent = trace.setSpanContext(ROOT_CONTEXT, {
  traceId,
  spanId: '00f067aa0ba902b7',
  traceFlags: TraceFlags.SAMPLED,
  isRemote: true,
});

const required = { INTERNAL_AUTH_SECRET: 'a-shared-secret-of-at-least-32-characters' };

/** The sampler a service starts with, from its environment through its config. */
function samplerFromEnv(env: Record<string, string>) {
  const config = loadConfig(baseConfigSchema, { ...required, ...env });
  return samplerOf({ sampler: config.OTEL_TRACES_SAMPLER, ratio: config.OTEL_TRACES_SAMPLER_ARG });
}

function decision(env: Record<string, string>, parent = ROOT_CONTEXT, id = traceId) {
  const sampler = samplerFromEnv(env);
  if (!sampler) throw new Error('no sampler of our own');
  return sampler.shouldSample(parent, id, 'GET /x', SpanKind.SERVER, {}, []).decision;
}

describe('the sampler chosen from the standard OTEL_TRACES_SAMPLER variables', () => {
  it('keeps every trace by default', () => {
    expect(decision({})).toBe(SamplingDecision.RECORD_AND_SAMPLED);
  });

  it('keeps a trace that starts here with the ratio OTEL_TRACES_SAMPLER_ARG', () => {
    const kept = Array.from({ length: 2000 }, () => randomBytes(16).toString('hex')).filter(
      (id) =>
        decision({ OTEL_TRACES_SAMPLER_ARG: '0.25' }, ROOT_CONTEXT, id) ===
        SamplingDecision.RECORD_AND_SAMPLED,
    );
    expect(kept.length).toBeGreaterThan(400);
    expect(kept.length).toBeLessThan(600);
    expect(decision({ OTEL_TRACES_SAMPLER_ARG: '0' })).toBe(SamplingDecision.NOT_RECORD);
  });

  it('follows a caller that sampled its trace, whatever the ratio', () => {
    expect(decision({ OTEL_TRACES_SAMPLER_ARG: '0' }, sampledParent)).toBe(
      SamplingDecision.RECORD_AND_SAMPLED,
    );
  });

  it('refuses a ratio outside 0 to 1 instead of guessing', () => {
    for (const bad of ['10%', '2', '-0.5', '.', '1.5']) {
      expect(() => samplerFromEnv({ OTEL_TRACES_SAMPLER_ARG: bad })).toThrow(ConfigError);
    }
    expect(() => samplerFromEnv({ OTEL_TRACES_SAMPLER_ARG: '2' })).toThrow(/from 0 to 1/);
    expect(() => samplerFromEnv({ OTEL_TRACES_SAMPLER: 'sometimes' })).toThrow(ConfigError);
  });

  it('leaves a sampler named in OTEL_TRACES_SAMPLER to the SDK', () => {
    expect(samplerFromEnv({ OTEL_TRACES_SAMPLER: 'always_off' })).toBeUndefined();
  });
});
