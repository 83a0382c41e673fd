// What the national data set is made of: deterministic ids and random draws, names, categories,
// outcomes, NISS numbers and a PIIS's content.
import { createHash } from 'node:crypto';

export function uuidOf(...parts: Array<string | number>): string {
  const b = createHash('sha256').update(parts.join(':')).digest().subarray(0, 16);
  // UUIDv7 shape, time-ordered by the first part's hash: ids spread over the index like real ones
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** mulberry32: a small, fast, seeded generator. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const GIVEN = [
  'Amina',
  'Bram',
  'Chloé',
  'Dries',
  'Elif',
  'Florian',
  'Gülsüm',
  'Hanne',
  'Ilias',
  'Julie',
  'Karim',
  'Lotte',
  'Mehdi',
  'Nora',
  'Olivier',
  'Paulina',
];
export const FAMILY = [
  'Aerts',
  'Bah',
  'Claes',
  'Diallo',
  'Everaert',
  'François',
  'Goossens',
  'Hermans',
  'Idrissi',
  'Jacobs',
  'Kaya',
  'Lemaire',
  'Mertens',
  'Nkosi',
  'Öztürk',
  'Peeters',
];
export const CATEGORY = [
  { category: 'cohabitant', cents: 87_000 },
  { category: 'isolated', cents: 130_000 },
  { category: 'family', cents: 176_000 },
] as const;
export const OUTCOMES = [
  'employment',
  'training_started',
  'socio_professional_path',
  'reinforced_autonomy',
  'studies_completed',
  'volunteering',
  'ri_ended',
  'moved',
  'abandoned',
  'other',
];

/** A valid NISS (R-ID-NISS) born on `birth`, unique within a CPAS by its serial. */
export function niss(birth: string, serial: number): string {
  const nine = `${birth.slice(2, 4)}${birth.slice(5, 7)}${birth.slice(8, 10)}${String(serial).padStart(3, '0')}`;
  const base = birth >= '2000-01-01' ? Number(`2${nine}`) : Number(nine);
  return `${nine}${String(97 - (base % 97)).padStart(2, '0')}`;
}

export const content = (startsOn: string, endsOn: string, category: string | null) =>
  JSON.stringify({
    domains: ['employment', 'language'],
    ...(category ? { activationCategory: category } : {}),
    objectives: [
      { key: 'o1', domain: 'employment', description: 'Find a job' },
      { key: 'o2', domain: 'language', description: 'Reach A2 in the language of the region' },
    ],
    commitments: [
      { party: 'beneficiary', description: 'Attend the course', objectiveKeys: ['o2'] },
      { party: 'cpas', description: 'Pay the registration', objectiveKeys: ['o1', 'o2'] },
    ],
    startsOn,
    endsOn,
    evaluationArrangements: 'Five evaluations a year, at least two in person',
    supplementaryAid: 'Registration and travel costs',
  });
