import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createLogger, outsideRequest, runWithRequestId } from './log.ts';
import { isShuttingDown, onShutdown, runShutdownHooks } from './shutdown.ts';

describe('shutdown hooks', () => {
  it('run work hooks before storage hooks, once, and report failures and overruns', async () => {
    const order: string[] = [];
    onShutdown(
      async () => {
        order.push('close database');
        await Promise.resolve();
      },
      { stage: 'storage' },
    );
    onShutdown(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push('stop scheduler');
    });
    onShutdown(() => {
      order.push('stop outbox');
    });
    onShutdown(() => Promise.reject(new Error('SMTP pool would not close')), { name: 'mail pool' });
    onShutdown(() => new Promise<void>(() => undefined), { name: 'stuck' });
    const removed = onShutdown(() => {
      order.push('removed');
    });
    removed();

    const failures = await runShutdownHooks(200);
    expect(order).toEqual(['stop outbox', 'stop scheduler', 'close database']);
    expect(failures.map((failure) => failure.name).sort()).toEqual(['mail pool', 'stuck']);
    expect(String(failures.find((failure) => failure.name === 'stuck')?.error)).toMatch(/within 200 ms/);
    expect(isShuttingDown()).toBe(true);
    expect(await runShutdownHooks(200)).toEqual([]);
    expect(order).toHaveLength(3);
  });
});

describe('the logger', () => {
  function capture() {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    return { lines, log: createLogger({ level: 'info', pretty: false }, sink) };
  }

  it('puts the request id on every line written while serving it, and not outside it', async () => {
    const { lines, log } = capture();
    await runWithRequestId('req-123456', async () => {
      await Promise.resolve();
      log.info('inside');
      outsideRequest(() => log.info('background'));
    });
    log.info('after');
    expect(lines.map((line) => [line.msg, line.reqId])).toEqual([
      ['inside', 'req-123456'],
      ['background', undefined],
      ['after', undefined],
    ]);
    expect(lines[0]?.level).toBe('info');
  });

  it('never writes passwords, tokens or email addresses', () => {
    const { lines, log } = capture();
    log.info({ user: { id: 'u1', email: 'siti@example.my', password: 'hunter22' }, token: 'abc.def' }, 'x');
    expect(JSON.stringify(lines[0])).not.toMatch(/siti@example|hunter22|abc\.def/);
    expect(lines[0]).toMatchObject({ user: { id: 'u1', email: '[redacted]' }, token: '[redacted]' });
  });
});
