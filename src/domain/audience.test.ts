import { describe, expect, it } from 'vitest';
import { ZAudienceFilter, type AudienceFilter } from '../contracts/recruitment';
import {
  audienceLanguage,
  normaliseAudience,
  reportsOf,
  selectAudience,
  titleMatches,
  titlePrefixes,
} from './audience';
import type { Person } from './person';

const filter = (f: Partial<AudienceFilter>) => ZAudienceFilter.parse(f);

function person(id: string, p: Partial<Person> = {}): Person {
  return {
    id,
    displayName: `Person ${id}`,
    mail: null,
    userPrincipalName: null,
    jobTitle: null,
    department: null,
    officeLocation: null,
    country: null,
    managerId: null,
    preferredLanguage: null,
    accountEnabled: true,
    ...p,
  };
}

// ceo → a → b → c → … a chain 14 deep, plus x beside a.
const chain = Array.from({ length: 14 }, (_, i) =>
  person(`l${i + 1}`, { managerId: i === 0 ? 'ceo' : `l${i}` }),
);
const people: Person[] = [
  person('ceo', {
    jobTitle: 'Chief Executive Officer',
    department: 'Executive',
    officeLocation: 'København',
  }),
  person('dev', {
    managerId: 'ceo',
    jobTitle: 'Software Developer',
    department: 'IT',
    officeLocation: 'København',
    preferredLanguage: 'en-GB',
  }),
  person('eng', {
    managerId: 'dev',
    jobTitle: 'Engineering Lead',
    department: 'Engineering',
    officeLocation: 'Aarhus',
    preferredLanguage: 'da-DK',
  }),
  person('pm', {
    managerId: 'eng',
    jobTitle: 'Co-Engineer/Project Manager',
    department: 'Engineering',
    officeLocation: 'København',
    preferredLanguage: 'sv-SE',
  }),
  person('off', { managerId: 'eng', jobTitle: 'Engineer', department: 'Engineering', accountEnabled: false }),
  ...chain,
];
const ids = (list: Person[]) => list.map((p) => p.id).sort();

describe('audience rules', () => {
  it('selects every enabled person with no filter', () => {
    expect(selectAudience(people, filter({}))).toHaveLength(people.length - 1);
  });

  it('matches departments and locations exactly, ORed within a field and ANDed across', () => {
    expect(ids(selectAudience(people, filter({ departments: ['IT', 'Engineering'] })))).toEqual([
      'dev',
      'eng',
      'pm',
    ]);
    expect(ids(selectAudience(people, filter({ departments: ['Engineer'] })))).toEqual([]);
    expect(
      ids(selectAudience(people, filter({ departments: ['IT', 'Engineering'], locations: ['København'] }))),
    ).toEqual(['dev', 'pm']);
  });

  it('matches title words as word prefixes, case-insensitively', () => {
    expect(ids(selectAudience(people, filter({ titleWords: ['engineer'] })))).toEqual(['eng', 'pm']);
    expect(ids(selectAudience(people, filter({ titleWords: ['PROJ', 'chief'] })))).toEqual(['ceo', 'pm']);
    // "neer" is inside a word, not at its start.
    expect(ids(selectAudience(people, filter({ titleWords: ['neer'] })))).toEqual([]);
    // Words that clean to nothing match nobody rather than everybody.
    expect(selectAudience(people, filter({ titleWords: ['--'] }))).toEqual([]);
  });

  it('takes direct reports, or the subtree up to twelve levels', () => {
    expect(ids(selectAudience(people, filter({ managerId: 'dev', includeSubtree: false })))).toEqual(['eng']);
    expect(ids(selectAudience(people, filter({ managerId: 'dev' })))).toEqual(['eng', 'pm']);
    const deep = selectAudience(people, filter({ managerId: 'ceo', departments: [] })).filter((p) =>
      p.id.startsWith('l'),
    );
    expect(ids(deep)).toEqual(ids(chain.slice(0, 12)));
  });

  it('counts no language as Danish and anything but da as English', () => {
    expect(audienceLanguage(null)).toBe('da');
    expect(audienceLanguage('')).toBe('da');
    expect(audienceLanguage('DA_dk')).toBe('da');
    expect(audienceLanguage('sv-SE')).toBe('en');
    expect(ids(selectAudience(people, filter({ languages: ['en'] })))).toEqual(['dev', 'pm']);
    expect(selectAudience(people, filter({ languages: ['da', 'en'] }))).toHaveLength(people.length - 1);
  });

  it('leaves out members, people who declined, and disabled accounts', () => {
    const chosen = selectAudience(people, filter({ departments: ['Engineering', 'IT'] }), {
      members: new Set(['dev']),
      declined: new Set(['pm']),
    });
    expect(ids(chosen)).toEqual(['eng']);
  });

  it('normalises titles and prefixes the way the SQL does', () => {
    expect(titlePrefixes(['  Project   Eng ', 'project eng', 'Økon'])).toEqual(['project eng', 'økon']);
    expect(titleMatches('Økonomichef', ['økon'])).toBe(true);
    expect(titleMatches(null, ['a'])).toBe(false);
    expect(normaliseAudience(filter({ languages: ['da', 'en'] })).languages).toEqual([]);
    expect([...reportsOf(people, 'nobody', true)]).toEqual([]);
  });
});
