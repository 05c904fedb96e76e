/** Everything Chorus holds about one person, section by section (rows as plain JSON values). */
export type PersonalDataSections = Record<string, Record<string, unknown>[]>;

/** Reads a person's data for the GDPR access right (article 15). */
export interface PersonalDataReader {
  collect(tenantId: string, personId: string): Promise<PersonalDataSections>;
}
