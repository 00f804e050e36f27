// Sentence templates for the storage benchmark's archive (storage-corpus.ts): headlines,
// standfirsts and article sentences with slots for one news event's facts (organisations, a
// place, a sum, a person and role, the topic). Several outlets report one event by picking
// different templates over the same facts, as real coverage varies its wording. Our own
// invented sentences only.
import type { Rng } from './measure.js';

export interface EventFacts {
  org: string;
  orgShort: string;
  org2: string;
  place: string;
  sum: string;
  pct: number;
  count: number;
  year: number;
  topic: string;
  person: string;
  surname: string;
  role: string;
  role2: string;
  person2: string;
}

type Template = (f: EventFacts, r: Rng) => string;

export const SERVICES = [
  'urgent care',
  'community services',
  'mental health services',
  'outpatient clinics',
  'diagnostic services',
  'pathology',
  'radiology',
  'operating theatres',
  'discharge teams',
  'district nursing',
  'primary care networks',
  'maternity units',
  'stroke services',
  'children’s services',
  'back-office functions',
];
const STAFF = [
  'nurses',
  'consultants',
  'junior doctors',
  'GPs',
  'paramedics',
  'midwives',
  'pharmacists',
  'physiotherapists',
  'healthcare assistants',
  'managers',
];
const PRESSURES = [
  'rising demand',
  'winter pressures',
  'long waiting lists',
  'staff shortages',
  'delayed discharges',
  'a growing deficit',
  'agency spending',
  'ageing buildings',
  'high bed occupancy',
  'ambulance handover delays',
];
const OUTCOMES = [
  'free up beds',
  'cut waiting times',
  'reduce agency spending',
  'improve patient safety',
  'bring the budget back into balance',
  'keep services local',
  'make care easier to reach',
  'share scarce specialist staff',
];
const GROUPS = [
  'patient groups',
  'unions',
  'local councillors',
  'campaigners',
  'the local MP',
  'Healthwatch volunteers',
  'senior clinicians',
];

function capitalise(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

export const HEADLINES: Template[] = [
  (f) => `${f.org} sets out ${f.sum} plan on ${f.topic}`,
  (f) => `${capitalise(f.topic)}: ${f.orgShort} warns of ${f.sum} gap`,
  (f) => `${f.place} ${f.topic} plans face fresh scrutiny`,
  (f) => `${capitalise(f.role)} ${f.surname} quits ${f.orgShort} amid ${f.topic} row`,
  (f) => `${f.orgShort} told to act on ${f.topic} after review`,
  (f) => `${f.sum} boost for ${f.topic} in ${f.place}`,
  (f) => `Leaders question ${f.topic} as ${f.orgShort} misses target`,
  (f) => `${f.org} and ${f.org2} agree joint approach to ${f.topic}`,
  (f) => `${capitalise(f.topic)} to save ${f.sum}, says ${f.orgShort}`,
  (f) => `Inside ${f.place}’s ${f.topic} push`,
  (f) => `${f.orgShort} board backs ${f.topic} proposals`,
  (f) => `Exclusive: ${f.orgShort} ${f.topic} costs rise ${f.pct} per cent`,
  (f, r) => `${capitalise(f.topic)} delays leave ${f.place} ${r.pick(STAFF)} stretched`,
  (f) => `Regulator raises concerns over ${f.topic} at ${f.orgShort}`,
  (f) => `${f.count} jobs at risk in ${f.place} ${f.topic} shake-up`,
];

export const STANDFIRSTS: Template[] = [
  (f, r) =>
    `${f.org} has set out plans to ${r.pick(OUTCOMES)} through its ${f.topic} work, with ${f.sum} earmarked over the next three years.`,
  (f, r) =>
    `${f.person}, ${f.role} at ${f.orgShort}, said the ${f.topic} changes would ${r.pick(OUTCOMES)} despite ${r.pick(PRESSURES)}.`,
  (f) =>
    `Board papers show ${f.orgShort} expects ${f.topic} to cost ${f.sum} in ${f.year}, ${f.pct} per cent more than planned.`,
  (f, r) =>
    `${capitalise(r.pick(GROUPS))} in ${f.place} have questioned the ${f.topic} proposals, which ${f.org2} must also approve.`,
  (f, r) =>
    `The ${f.topic} programme in ${f.place} has been delayed by ${r.pick(PRESSURES)}, leaving a ${f.sum} shortfall.`,
  (f) =>
    `${f.orgShort} and ${f.org2} will share ${f.topic} arrangements from April ${f.year}, affecting about ${f.count} staff.`,
];

const BODY: Template[] = [
  (f, r) =>
    `The ${f.topic} plan was approved at a board meeting on ${r.pick(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])} after months of discussion.`,
  (f, r) =>
    `${f.person} told the meeting that ${r.pick(PRESSURES)} meant the organisation could not stand still.`,
  (f, r) =>
    `“We have to ${r.pick(OUTCOMES)}, and ${f.topic} is the best chance we have of doing that,” ${f.surname} said.`,
  (f) =>
    `Papers show the ${f.topic} work is expected to cost ${f.sum} over three years, with savings beginning in ${f.year}.`,
  (f, r) =>
    `About ${f.count} ${r.pick(STAFF)} work in ${r.pick(SERVICES)} across ${f.place} and would be affected by the changes.`,
  (f, r) =>
    `${capitalise(r.pick(GROUPS))} said they had not been properly consulted and asked for the decision to be paused.`,
  (f) =>
    `${f.org2} said it supported the direction of travel but wanted more detail on how ${f.topic} would be funded.`,
  (f, r) =>
    `${f.person2}, ${f.role2} at ${f.org2}, said: “Patients in ${f.place} deserve ${r.pick(SERVICES)} that work together.”`,
  (f, r) =>
    `The organisation ended last year with a deficit of ${f.sum} and has been told to ${r.pick(OUTCOMES)} by March.`,
  (f, r) =>
    `Spending on agency ${r.pick(STAFF)} rose ${f.pct} per cent last year, according to figures published by the board.`,
  (f, r) =>
    `National guidance asks every system to review ${r.pick(SERVICES)} and report progress on ${f.topic} each quarter.`,
  (f, r) =>
    `A consultation on the proposals will run for twelve weeks, with public meetings in ${f.place} and ${r.pick(['the surrounding towns', 'nearby market towns', 'the city centre'])}.`,
  (f, r) =>
    `Performance against the four-hour standard has fallen for ${f.pct} consecutive months, which leaders blame on ${r.pick(PRESSURES)}.`,
  (f) =>
    `The ${f.role} said the ${f.topic} programme would be reviewed again in the autumn once the first results were known.`,
  (f, r) =>
    `Regulators rated ${r.pick(SERVICES)} as requiring improvement at the last inspection, citing ${r.pick(PRESSURES)}.`,
  (f) =>
    `A business case for ${f.topic} is due to go to NHS England for approval before the end of ${f.year}.`,
  (f, r) =>
    `${capitalise(r.pick(STAFF))} have raised concerns about ${r.pick(PRESSURES)} through the staff survey for the past two years.`,
  (f) =>
    `The trust board heard that ${f.count} patients had waited more than a year for treatment at the end of the quarter.`,
  (f, r) =>
    `Leaders hope the changes will ${r.pick(OUTCOMES)} and help ${r.pick(SERVICES)} cope with ${r.pick(PRESSURES)}.`,
  (f) =>
    `${f.orgShort} said no decisions had yet been made on the future of individual sites and that ${f.topic} was at an early stage.`,
  (f, r) =>
    `Similar ${f.topic} schemes elsewhere have saved between ${f.pct} and ${f.pct + 7} per cent of the cost of ${r.pick(SERVICES)}.`,
  (f) =>
    `The plan forms part of a wider programme in ${f.place} worth ${f.sum}, agreed with the local council last year.`,
  (f, r) =>
    `${f.surname} joined the organisation in ${f.year - 3} after working as a ${r.pick(['director', 'deputy chief executive', 'senior manager'])} elsewhere in the region.`,
  (f, r) =>
    `Local authority leaders in ${f.place} said social care funding would be critical to ${r.pick(OUTCOMES)}.`,
  (f) =>
    `A spokesperson for ${f.org} said: “We will keep listening to patients and staff as the ${f.topic} plans develop.”`,
];

/** An article body of `sentences` sentences in paragraphs of three. */
export function writeBody(f: EventFacts, r: Rng, sentences: number): string {
  // Each template at most once per article (a partial Fisher-Yates shuffle of their order).
  const order = BODY.map((_, i) => i);
  const count = Math.min(sentences, order.length);
  let text = '';
  for (let i = 0; i < count; i++) {
    const j = r.int(i, order.length - 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
    text += BODY[order[i]!]!(f, r);
    text += i % 3 === 2 && i < count - 1 ? '\n\n' : ' ';
  }
  return text.trimEnd();
}

export function writeHeadline(f: EventFacts, r: Rng): string {
  return capitalise(r.pick(HEADLINES)(f, r));
}

export function writeStandfirst(f: EventFacts, r: Rng): string {
  const i = r.int(0, STANDFIRSTS.length - 1);
  const first = STANDFIRSTS[i]!(f, r);
  if (r.next() < 0.5) return first;
  // A different second sentence: (i + 1..length-1) mod length.
  const j = (i + r.int(1, STANDFIRSTS.length - 1)) % STANDFIRSTS.length;
  return `${first} ${STANDFIRSTS[j]!(f, r)}`;
}
