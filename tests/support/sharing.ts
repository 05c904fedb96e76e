import { generateDemoOrg } from '../../src/demo/demo-org';
import type { Person } from '../../src/domain/person';
import type { Network } from '../../src/domain/program';
import { signInAs, type TestChorus } from './chorus';

const org = generateDemoOrg();

/** Demo people with a plain employee's job (no comms or approver role), distinct, in a stable order. */
export function employees(count: number, offset = 0): Person[] {
  const plain = org.filter((p) => p.jobTitle === 'Field Technician' || p.jobTitle === 'Customer Advisor');
  return plain.slice(offset, offset + count);
}

/** The demo person holding a job title (e.g. 'Head of Communication' is comms, 'HR Director' an approver). */
export function personWithTitle(title: string): Person {
  const person = org.find((p) => p.jobTitle === title);
  if (!person) throw new Error(`no demo person is ${title}`);
  return person;
}

/** Joins as the tab does (accepting the current guidelines, with these choices); returns the answer unchecked. */
export async function requestJoin(
  app: TestChorus,
  token: string,
  choices: { networks: Network[]; topics?: string[] } = { networks: ['linkedin'] },
): Promise<Response> {
  const program = (await (await app.api('/api/program', { token })).json()) as {
    guidelines: { version: number };
  };
  return app.api('/api/membership', {
    method: 'POST',
    token,
    json: { guidelinesVersion: program.guidelines.version, ...choices },
  });
}

/** Signs a demo person in and makes them an ambassador; returns their session token. */
export async function joinAs(app: TestChorus, personId: string): Promise<string> {
  const token = await signInAs(app, personId);
  const res = await requestJoin(app, token, { networks: ['linkedin'], topics: ['events'] });
  if (res.status !== 201) throw new Error(`join failed: ${res.status} ${await res.text()}`);
  return token;
}

/** A browser's user agent: counted as a person. */
export const BROWSER_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

/** The code at the end of a tracked URL. */
export function codeOf(trackedUrl: string): string {
  return trackedUrl.slice(trackedUrl.lastIndexOf('/') + 1);
}
