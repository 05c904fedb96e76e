import { AppError } from '../domain/errors';
import { toLanguage, type Language, type Person } from '../domain/person';
import type { Membership } from '../domain/program';
import { resolveRoles, type Role } from '../domain/roles';
import type { RoleDeps } from './deps';

export interface MeResult {
  person: Person;
  roles: Role[];
  language: Language;
  membership: Membership | null;
  guidelinesOutdated: boolean;
}

/** The signed-in person: profile, roles, membership, and whether they must re-accept the guidelines. */
export async function getMe(
  deps: RoleDeps,
  input: { tenantId: string; personId: string; groups?: string[] },
) {
  const profile = await deps.store.profiles.get(input.tenantId, input.personId);
  if (!profile) throw new AppError('PERSON_NOT_IN_DIRECTORY', 'notInDirectory');
  const { person, directReports, membership, currentGuidelinesVersion } = profile;
  const roles = resolveRoles(
    {
      userPrincipalName: person.userPrincipalName,
      mail: person.mail,
      directReports,
      groups: input.groups ?? [],
    },
    deps.roleRules,
  );
  return {
    person,
    roles,
    language: toLanguage(person.preferredLanguage, 'da'),
    membership,
    guidelinesOutdated:
      !!membership &&
      currentGuidelinesVersion !== null &&
      membership.guidelinesVersion < currentGuidelinesVersion,
  } satisfies MeResult;
}
