import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import { contextualLogger, currentCorrelationId, withOperation } from './context';
import { noopTelemetry, SpanKind } from './telemetry';

const capture = () => {
  const lines: Record<string, unknown>[] = [];
  const root = createLogger('info', {
    write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>),
  });
  return { lines, root };
};

describe('operations and the contextual logger', () => {
  it("logs through the running operation's logger, across awaits, and through the root outside", async () => {
    const { lines, root } = capture();
    const logger = contextualLogger(root);
    logger.info('before');
    await withOperation(
      {
        name: 'test',
        kind: SpanKind.INTERNAL,
        correlationId: 'op-1',
        logger: root.child({ correlationId: 'op-1' }),
        telemetry: noopTelemetry,
      },
      async () => {
        await new Promise((r) => setTimeout(r, 5));
        expect(currentCorrelationId()).toBe('op-1');
        logger.info('inside');
      },
    );
    logger.info('after');
    expect(currentCorrelationId()).toBeNull();
    expect(lines.map((l) => [l['msg'], l['correlationId']])).toEqual([
      ['before', undefined],
      ['inside', 'op-1'],
      ['after', undefined],
    ]);
  });

  it('keeps concurrent operations apart and passes errors through', async () => {
    const { lines, root } = capture();
    const logger = contextualLogger(root);
    const run = (id: string, wait: number) =>
      withOperation(
        {
          name: id,
          kind: SpanKind.INTERNAL,
          correlationId: id,
          logger: root.child({ correlationId: id }),
          telemetry: noopTelemetry,
        },
        async () => {
          await new Promise((r) => setTimeout(r, wait));
          logger.info(id);
          if (id === 'b') throw new Error('boom');
        },
      );
    const results = await Promise.allSettled([run('a', 10), run('b', 1)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(lines.map((l) => [l['msg'], l['correlationId']])).toEqual([
      ['b', 'b'],
      ['a', 'a'],
    ]);
  });
});
