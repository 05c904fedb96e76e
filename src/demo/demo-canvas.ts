import type { ProgramCanvas } from '../contracts/canvas';
import { PURPOSE_PREFILL } from '../domain/canvas';
import type { CanvasStore } from '../ports/canvas';
import type { Clock } from '../ports/clock';

/**
 * The demo program's canvas: Nordlys Energi wants IT talent and graduates for the green transition,
 * starts with a pilot of eight, and measures applications through tracked links.
 */
export const DEMO_CANVAS: ProgramCanvas = {
  purpose: {
    template: 'it-talent',
    text: `${PURPOSE_PREFILL['it-talent'].da} Vi vil også have flere ansøgere til vores graduate-program i 2027.`,
  },
  evp: [
    'Dit arbejde holder lyset tændt for 300.000 danskere – og gør energien grønnere hver dag.',
    'Du arbejder med data og teknologi i stor skala: smart grid, prognoser og vindkraft.',
    'Fleksible arbejdsdage og plads til familien – vi holder fri, når vi har fri.',
    'Vi investerer i din udvikling: kurser, certificeringer og tid til at lære nyt.',
  ],
  personas: [
    {
      name: 'Erfarne udviklere',
      description:
        'Backend- og cloududviklere med 3–10 års erfaring, som vil bruge deres evner på noget, der betyder noget.',
      keyMessages: [
        'Hos os skriver du kode, der styrer den grønne omstilling af elnettet.',
        'Moderne stak: .NET, Azure, Kubernetes og event-drevne systemer.',
      ],
      networks: ['linkedin'],
    },
    {
      name: 'Dataspecialister',
      description: 'Data scientists og dataingeniører, der vil arbejde med store, virkelige datamængder.',
      keyMessages: [
        'Millioner af målinger i timen: dine modeller forudsiger forbrug og vindproduktion.',
        'Dine analyser bliver brugt – de ender i driften, ikke i en skuffe.',
      ],
      networks: ['linkedin', 'x'],
    },
    {
      name: 'Nyuddannede ingeniører',
      description: 'Studerende og nyuddannede fra DTU, AAU og ITU, der leder efter deres første job.',
      keyMessages: [
        'Vores graduate-program giver dig tre rotationer på to år.',
        'Du får en mentor fra første dag og ansvar fra første uge.',
      ],
      networks: ['linkedin', 'instagram'],
    },
  ],
  channelStrategy: {
    ambassadorsChooseNetworks: false,
    notes:
      'LinkedIn for erfarne udviklere og dataspecialister; Instagram for studerende. Opslag tirsdag og torsdag morgen, hvor målgrupperne er mest aktive.',
  },
  ambition: { stage: 'pilot', targetAmbassadors: 8, hoursPerWeek: 6, owner: 'Intern kommunikation' },
  design: { curatedPercent: 60, steering: 'guided' },
  targets: {
    period: 'month',
    result: { shares: 40, clicks: 600, reactions: 800, followers: 150 },
    effect: { applications: 12, conversions: 30, jobInteractions: 200 },
  },
  reach: { organicReachRate: 0.06 },
};

/** Seeds the demo's canvas once; a canvas comms saved since is kept. */
export async function seedDemoCanvas(
  deps: { canvas: CanvasStore; clock: Clock },
  input: { tenantId: string },
) {
  if (await deps.canvas.get(input.tenantId)) return;
  await deps.canvas.save(input.tenantId, DEMO_CANVAS, {
    baseVersion: 0,
    updatedBy: null,
    at: deps.clock.now(),
  });
}
