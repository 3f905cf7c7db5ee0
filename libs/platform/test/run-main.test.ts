import { runTypeScript } from './support/run-typescript';

describe('when a service fails to start', () => {
  it('logs the error once with its stack and exits 1', () => {
    const { exitCode, stdout } = runTypeScript('failing-main-process.ts', {});

    expect(exitCode).toBe(1);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const fatal = lines.filter((line) => line.level === 'fatal');
    expect(fatal).toHaveLength(1);
    expect(fatal[0]).toMatchObject({ service: 'doomed', msg: 'doomed failed to start' });
    expect(fatal[0].err.stack).toContain('Error: the database said no');
    expect(fatal[0].err.stack).toContain('failing-main-process.ts');
  });
});
