import { describe, expect, it } from 'vitest';
import { RETRIES_BEFORE_SENDING_ON, retryOf, unavailableAnswer } from './tracked-link-endpoint';

describe('the tracked link answer when the click cannot be counted', () => {
  it('is a 503 with Retry-After that reloads the link and shows the destination', () => {
    const answer = unavailableAnswer('abc123', 0, 'https://example.test/a?b=1&c="x"');
    expect(answer.status).toBe(503);
    expect(answer.headers['retry-after']).toBe(2);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.body).toContain('content="2; url=/r/abc123?retry=1"');
    expect(answer.body).toContain('href="https://example.test/a?b=1&#38;c=&#34;x&#34;"');
    expect(answer.headers['content-length']).toBe(Buffer.byteLength(answer.body));
  });

  it('sends the visitor on after the last reload, and stops reloading a link it cannot even resolve', () => {
    const last = unavailableAnswer('abc123', RETRIES_BEFORE_SENDING_ON, 'https://example.test/a');
    expect(last.status).toBe(503);
    expect(last.body).toContain('content="0; url=https://example.test/a"');
    expect(unavailableAnswer('abc123', 0, null).body).toContain('url=/r/abc123?retry=1');
    expect(unavailableAnswer('abc123', 5, null).body).not.toContain('http-equiv="refresh"');
  });

  it('reads the retry count from the query string', () => {
    expect(retryOf('retry=2')).toBe(2);
    expect(retryOf('utm=x&retry=1')).toBe(1);
    expect(retryOf('retry=x')).toBe(0);
    expect(retryOf('')).toBe(0);
  });
});
