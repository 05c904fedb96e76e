import { z } from 'zod';
import { ZLanguage, ZNetwork, ZRole, ZTopic } from './common';
import { schemaMessage as m } from './schema-messages';

export const ZPersonSummary = z.object({
  id: z.string(),
  displayName: z.string(),
  jobTitle: z.string().nullable(),
  department: z.string().nullable(),
  officeLocation: z.string().nullable(),
});
export type PersonSummary = z.infer<typeof ZPersonSummary>;

export const ZMembershipView = z.object({
  joinedAt: z.string(),
  guidelinesVersion: z.number().int(),
  networks: z.array(ZNetwork),
  topics: z.array(ZTopic),
});
export type MembershipView = z.infer<typeof ZMembershipView>;

export const ZMe = z.object({
  person: ZPersonSummary.extend({ userPrincipalName: z.string().nullable() }),
  tenantId: z.string(),
  roles: z.array(ZRole),
  language: ZLanguage,
  membership: ZMembershipView.nullable(),
  /** True when the member accepted an older guidelines version than the current one. */
  guidelinesOutdated: z.boolean(),
  signInMethod: z.enum(['teams-sso', 'dev']),
});
export type Me = z.infer<typeof ZMe>;

export const ZJoinRequest = z.object({
  guidelinesVersion: z
    .number({ message: m('guidelinesVersion') })
    .int()
    .positive(),
  networks: z.array(ZNetwork).min(1, m('networksRequired')).max(5),
  topics: z.array(ZTopic).max(20).default([]),
  /** The recruitment campaign the person joins through (its card or the Campaigns page). */
  campaignId: z.string().min(1).max(100).optional(),
});
export type JoinRequest = z.infer<typeof ZJoinRequest>;

export const ZDevSignInRequest = z.object({ personId: z.string().min(1, m('personIdRequired')).max(200) });
export type DevSignInRequest = z.infer<typeof ZDevSignInRequest>;

export const ZDevSignInResponse = z.object({
  token: z.string(),
  expiresAt: z.string(),
  person: ZPersonSummary,
});
export type DevSignInResponse = z.infer<typeof ZDevSignInResponse>;

export const ZPeopleQuery = z.object({
  q: z.string().max(100, m('peopleSearchTooLong')).default(''),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type PeopleQuery = z.infer<typeof ZPeopleQuery>;

export const ZPeopleList = z.object({ people: z.array(ZPersonSummary) });
export type PeopleList = z.infer<typeof ZPeopleList>;
