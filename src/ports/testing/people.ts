import type { Person } from '../../domain/person';

/** A directory person for tests: enabled, with no manager, title or language unless given. */
export function testPerson(id: string, fields: Partial<Omit<Person, 'id'>> = {}): Person {
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
    ...fields,
  };
}
