import type { Person } from '../domain/person';
import { mulberry32 } from '../domain/seeded-random';

/**
 * A fictional Danish utility, "Nordlys Energi", of about 400 people: a CEO, seven departments, a
 * hierarchy four to five levels deep, five offices, Danish and English speakers. It is generated from
 * a fixed seed, so every fresh clone gets the same organisation and tests can name people.
 */

export const DEMO_TENANT_ID = '00000000-0000-4000-8000-00000000c0de';
export const DEMO_TENANT_NAME = 'Nordlys Energi (demo)';
export const DEMO_DOMAIN = 'nordlys-demo.dk';

const FIRST_DA = [
  'Anne',
  'Mette',
  'Camilla',
  'Louise',
  'Sofie',
  'Ida',
  'Line',
  'Maria',
  'Emma',
  'Julie',
  'Karen',
  'Hanne',
  'Lars',
  'Jens',
  'Peter',
  'Søren',
  'Mads',
  'Rasmus',
  'Anders',
  'Mikkel',
  'Frederik',
  'Jonas',
  'Niels',
  'Henrik',
  'Kasper',
  'Thomas',
  'Martin',
  'Christian',
  'Lene',
  'Birgitte',
  'Signe',
  'Freja',
  'Asger',
  'Bo',
  'Torben',
  'Astrid',
];
const LAST_DA = [
  'Nielsen',
  'Jensen',
  'Hansen',
  'Pedersen',
  'Andersen',
  'Christensen',
  'Larsen',
  'Sørensen',
  'Rasmussen',
  'Jørgensen',
  'Petersen',
  'Madsen',
  'Kristensen',
  'Olsen',
  'Thomsen',
  'Poulsen',
  'Johansen',
  'Møller',
  'Mortensen',
  'Holm',
  'Lund',
  'Dahl',
  'Bach',
  'Kjær',
  'Vestergaard',
  'Friis',
  'Skov',
  'Bruun',
];
const FIRST_EN = [
  'Emily',
  'James',
  'Olivia',
  'Daniel',
  'Priya',
  'Lukas',
  'Ana',
  'Tomasz',
  'Sarah',
  'David',
  'Chen',
  'Fatima',
];
const LAST_EN = [
  'Smith',
  'Brown',
  'Taylor',
  'Wilson',
  'Patel',
  'Schmidt',
  'Silva',
  'Kowalski',
  'Murphy',
  'Garcia',
  'Li',
  'Haddad',
];

const OFFICES = [
  { name: 'København', weight: 5 },
  { name: 'Aarhus', weight: 3 },
  { name: 'Odense', weight: 2 },
  { name: 'Aalborg', weight: 1 },
  { name: 'Esbjerg', weight: 1 },
];

interface DepartmentPlan {
  name: string;
  head: string;
  lead: string;
  staff: string[];
  size: number;
  /** Sections add a level: director → section manager → team lead → staff. */
  sections: number;
  englishShare: number;
}

const DEPARTMENTS: DepartmentPlan[] = [
  {
    name: 'Field Operations',
    head: 'Director of Field Operations',
    lead: 'Field Team Lead',
    staff: ['Field Technician', 'Grid Electrician', 'Service Planner', 'Fitter'],
    size: 105,
    sections: 3,
    englishShare: 0.05,
  },
  {
    name: 'Engineering',
    head: 'Director of Engineering',
    lead: 'Engineering Lead',
    staff: ['Electrical Engineer', 'Project Engineer', 'Asset Engineer', 'Graduate Engineer'],
    size: 80,
    sections: 2,
    englishShare: 0.2,
  },
  {
    name: 'Customer Service',
    head: 'Head of Customer Service',
    lead: 'Customer Service Team Lead',
    staff: ['Customer Advisor', 'Billing Specialist', 'Customer Advisor', 'Complaints Coordinator'],
    size: 70,
    sections: 2,
    englishShare: 0.05,
  },
  {
    name: 'IT',
    head: 'Chief Information Officer',
    lead: 'IT Team Lead',
    staff: ['Software Developer', 'Cloud Engineer', 'IT Supporter', 'Data Engineer', 'Security Analyst'],
    size: 60,
    sections: 2,
    englishShare: 0.3,
  },
  {
    name: 'Finance',
    head: 'Chief Financial Officer',
    lead: 'Finance Team Lead',
    staff: ['Controller', 'Accountant', 'Financial Analyst'],
    size: 28,
    sections: 0,
    englishShare: 0.1,
  },
  {
    name: 'HR',
    head: 'HR Director',
    lead: 'HR Team Lead',
    staff: ['HR Partner', 'Recruiter', 'Payroll Specialist', 'Learning Consultant'],
    size: 30,
    sections: 0,
    englishShare: 0.1,
  },
  {
    name: 'Communication',
    head: 'Head of Communication',
    lead: 'Communication Team Lead',
    staff: ['Communication Consultant', 'Content Producer', 'Employer Branding Specialist', 'Web Editor'],
    size: 16,
    sections: 0,
    englishShare: 0.1,
  },
];

/** A small deterministic PRNG (mulberry32), so the demo org is the same on every machine. */
const random = mulberry32;

function idFor(index: number) {
  return `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

function ascii(s: string) {
  return s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[^a-z]/g, '');
}

/** Generates the demo organisation. Always returns the same people in the same order. */
export function generateDemoOrg(): Person[] {
  const rnd = random(20_240_601);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const used = new Set<string>();
  const people: Person[] = [];

  const pickOffice = () => {
    const total = OFFICES.reduce((s, o) => s + o.weight, 0);
    let r = rnd() * total;
    for (const o of OFFICES) {
      r -= o.weight;
      if (r <= 0) return o.name;
    }
    return OFFICES[0]!.name;
  };

  const add = (
    jobTitle: string,
    department: string | null,
    managerId: string | null,
    englishShare: number,
    office?: string,
  ) => {
    const english = rnd() < englishShare;
    let attempt = 0;
    const next = () => {
      const first = english ? pick(FIRST_EN) : pick(FIRST_DA);
      const last = english ? pick(LAST_EN) : pick(LAST_DA);
      const upn = `${ascii(first)}.${ascii(last)}${attempt > 3 ? attempt : ''}@${DEMO_DOMAIN}`;
      attempt++;
      return { first, last, upn };
    };
    let { first, last, upn } = next();
    while (used.has(upn)) ({ first, last, upn } = next());
    used.add(upn);
    const person: Person = {
      id: idFor(people.length + 1),
      displayName: `${first} ${last}`,
      mail: upn,
      userPrincipalName: upn,
      jobTitle,
      department,
      officeLocation: office ?? pickOffice(),
      country: english && rnd() < 0.3 ? 'United Kingdom' : 'Denmark',
      managerId,
      preferredLanguage: english ? 'en-GB' : 'da-DK',
      accountEnabled: true,
    };
    people.push(person);
    return person;
  };

  const ceo = add('Chief Executive Officer', 'Executive Management', null, 0, 'København');
  for (const dept of DEPARTMENTS) {
    const head = add(dept.head, dept.name, ceo.id, dept.englishShare, 'København');
    let remaining = dept.size - 1;
    const managers =
      dept.sections > 0
        ? Array.from({ length: dept.sections }, (_, i) => {
            remaining--;
            return add(
              `${dept.name} Section Manager ${String.fromCharCode(65 + i)}`,
              dept.name,
              head.id,
              dept.englishShare,
            );
          })
        : [head];
    // Teams of about eight under each lead; leads spread across the managers.
    const teams = Math.max(1, Math.round(remaining / 8));
    const leads = Array.from({ length: teams }, (_, i) => {
      remaining--;
      return add(dept.lead, dept.name, managers[i % managers.length]!.id, dept.englishShare);
    });
    for (let i = 0; remaining > 0; i++, remaining--) {
      const lead = leads[i % leads.length]!;
      add(pick(dept.staff), dept.name, lead.id, dept.englishShare, lead.officeLocation ?? undefined);
    }
  }
  return people;
}

/** The demo's comms admins: the head of Communication and two colleagues in that department. */
export function demoCommsAdmins(org: Person[]): string[] {
  const comms = org.filter((p) => p.department === 'Communication');
  const head = comms.find((p) => p.jobTitle === 'Head of Communication');
  const others = comms.filter((p) => p !== head && p.jobTitle !== 'Communication Team Lead').slice(0, 2);
  return [head, ...others].filter((p): p is Person => !!p).map((p) => p.userPrincipalName!.toLowerCase());
}

/** The demo's approvers: the communication team lead and the HR director. */
export function demoApprovers(org: Person[]): string[] {
  const lead = org.find((p) => p.jobTitle === 'Communication Team Lead');
  const hr = org.find((p) => p.jobTitle === 'HR Director');
  return [lead, hr].filter((p): p is Person => !!p).map((p) => p.userPrincipalName!.toLowerCase());
}
