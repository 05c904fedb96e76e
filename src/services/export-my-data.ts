import type { Clock } from '../ports/clock';
import type { PersonalDataReader, PersonalDataSections } from '../ports/privacy';

export interface ExportMyDataDeps {
  personalData: PersonalDataReader;
  clock: Clock;
}

/** A person's copy of their data: when it was made, and each kind of data Chorus holds about them. */
export interface PersonalDataExport {
  generatedAt: Date;
  personId: string;
  sections: PersonalDataSections;
}

/** Everything Chorus holds about the signed-in person (GDPR article 15), for them to download. */
export async function exportMyData(
  deps: ExportMyDataDeps,
  input: { tenantId: string; personId: string },
): Promise<PersonalDataExport> {
  const sections = await deps.personalData.collect(input.tenantId, input.personId);
  return { generatedAt: deps.clock.now(), personId: input.personId, sections };
}
