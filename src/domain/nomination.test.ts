import { describe, expect, it } from 'vitest';
import {
  compareTeamMembers,
  decideInvitation,
  isCampaignRunning,
  NOMINATIONS_PER_DAY,
  nominationWindowStart,
  normaliseNote,
  overNominationLimit,
  teamStatus,
  type CampaignWindow,
} from './nomination';

const campaign = (over: Partial<CampaignWindow> = {}): CampaignWindow => ({
  id: 'c1',
  name: 'Pilot',
  status: 'running',
  startsAt: new Date('2026-01-01T00:00:00Z'),
  endsAt: new Date('2026-02-01T00:00:00Z'),
  ...over,
});

describe('nomination rules', () => {
  it('takes nominations only while a campaign runs, inside its period', () => {
    const mid = new Date('2026-01-15T00:00:00Z');
    expect(isCampaignRunning(campaign(), mid)).toBe(true);
    expect(isCampaignRunning(campaign({ status: 'draft' }), mid)).toBe(false);
    expect(isCampaignRunning(campaign({ status: 'closed' }), mid)).toBe(false);
    expect(isCampaignRunning(campaign(), new Date('2025-12-31T23:59:59Z'))).toBe(false);
    expect(isCampaignRunning(campaign(), new Date('2026-01-01T00:00:00Z'))).toBe(true);
    expect(isCampaignRunning(campaign(), new Date('2026-02-01T00:00:00Z'))).toBe(false);
  });

  it('shows ambassador, invited or none, and nothing that tells a decline apart', () => {
    expect(teamStatus({ member: true, invited: true })).toBe('ambassador');
    expect(teamStatus({ member: true, invited: false })).toBe('ambassador');
    expect(teamStatus({ member: false, invited: true })).toBe('invited');
    expect(teamStatus({ member: false, invited: false })).toBe('none');
  });

  it('invites only someone without an open invitation who has not declined', () => {
    expect(decideInvitation({ hasOpenInvitation: false, declined: false })).toBe('invite');
    expect(decideInvitation({ hasOpenInvitation: true, declined: false })).toBe('suppress');
    expect(decideInvitation({ hasOpenInvitation: false, declined: true })).toBe('suppress');
    expect(decideInvitation({ hasOpenInvitation: true, declined: true })).toBe('suppress');
  });

  it('allows 20 nominations in any 24 hours', () => {
    expect(NOMINATIONS_PER_DAY).toBe(20);
    expect(overNominationLimit(19)).toBe(false);
    expect(overNominationLimit(20)).toBe(true);
    expect(nominationWindowStart(new Date('2026-01-02T10:00:00Z')).toISOString()).toBe(
      '2026-01-01T10:00:00.000Z',
    );
  });

  it('stores an empty note as no note', () => {
    expect(normaliseNote('')).toBeNull();
    expect(normaliseNote('   ')).toBeNull();
    expect(normaliseNote(undefined)).toBeNull();
    expect(normaliseNote('  Du ville være god til det  ')).toBe('Du ville være god til det');
  });

  it('orders My team by depth, then by name in Danish order, then by id', () => {
    const people = [
      { id: '4', depth: 2, displayName: 'Anne Holm' },
      { id: '3', depth: 1, displayName: 'Åse Dahl' },
      { id: '2', depth: 1, displayName: 'Øjvind Bach' },
      { id: '1', depth: 1, displayName: 'Bo Lund' },
      { id: '0', depth: 1, displayName: 'bo lund' },
    ];
    expect([...people].sort(compareTeamMembers).map((p) => p.id)).toEqual(['0', '1', '2', '3', '4']);
  });
});
