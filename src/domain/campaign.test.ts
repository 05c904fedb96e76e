import { describe, expect, it } from 'vitest';
import {
  assertAnnounceable,
  assertEditable,
  campaignImageUrl,
  campaignIsOpen,
  invitationMessageKey,
  invitationTransport,
  invitationVia,
} from './campaign';

const at = (iso: string) => new Date(iso);
const period = { startsAt: at('2025-03-01T00:00:00Z'), endsAt: at('2025-04-01T00:00:00Z') };

describe('campaign rules', () => {
  it('is open to employees only while running and within its period', () => {
    expect(campaignIsOpen({ ...period, status: 'running' }, at('2025-03-10T00:00:00Z'))).toBe(true);
    expect(campaignIsOpen({ ...period, status: 'draft' }, at('2025-03-10T00:00:00Z'))).toBe(false);
    expect(campaignIsOpen({ ...period, status: 'running' }, at('2025-02-28T23:59:59Z'))).toBe(false);
    expect(campaignIsOpen({ ...period, status: 'running' }, at('2025-04-01T00:00:00Z'))).toBe(false);
  });

  it('keeps closed campaigns as they were and announces none after the period', () => {
    expect(() => assertEditable({ ...period, status: 'closed' })).toThrow(/closed/);
    expect(() => assertEditable({ ...period, status: 'running' })).not.toThrow();
    expect(() => assertAnnounceable({ ...period, status: 'draft' }, at('2025-04-02T00:00:00Z'))).toThrow(
      /ended/,
    );
    expect(() =>
      assertAnnounceable({ ...period, status: 'draft' }, at('2025-02-01T00:00:00Z')),
    ).not.toThrow();
  });

  it('maps personal invitations to the invitation record and the outbox transport', () => {
    expect(invitationVia('chat')).toBe('chat');
    expect(invitationVia('activityFeed')).toBe('activity_feed');
    expect(invitationTransport('chat')).toBe('bot');
    expect(invitationTransport('activityFeed')).toBe('graph_feed');
    expect(invitationMessageKey('abc')).toBe('invite:abc');
    expect(campaignImageUrl(null)).toBeNull();
    expect(campaignImageUrl('img')).toBe('/media/img');
  });
});
