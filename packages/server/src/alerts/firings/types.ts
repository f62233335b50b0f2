import type { AlertRuleSpec, HotspotLevel, Trigger } from '@peacebell/model';

/** What an alert is about: a country, a region of one, or a direction of a pair. */
export interface Subject {
  /** Stable key: `MLI`, `MMR/Rakhine State`, `CHN>KAZ`. */
  key: string;
  country: string;
  adm1: string | null;
  partner: string | null;
}

/** One day on which a rule's condition holds for a subject. */
export interface Firing {
  subject: Subject;
  day: string;
  severity: HotspotLevel;
  confidence: number;
  value: number | null;
  baseline: number | null;
  unit: string;
  /** A few words for the alert's title: `hotspot alert (new)`, `Events rose 3.2 sd`. */
  headline: string;
  summary: string;
}

export interface FiringRequest<T extends Trigger = Trigger> {
  spec: AlertRuleSpec;
  trigger: T;
  from: string;
  to: string;
}

export const countrySubject = (country: string): Subject => ({
  key: country,
  country,
  adm1: null,
  partner: null,
});
export const adm1Subject = (country: string, adm1: string): Subject => ({
  key: `${country}/${adm1}`,
  country,
  adm1,
  partner: null,
});
export const pairSubject = (country: string, partner: string): Subject => ({
  key: `${country}>${partner}`,
  country,
  adm1: null,
  partner,
});

/** Both directions of each `A-B` pair of a scope. */
export function pairSubjects(pairs: readonly string[]): Subject[] {
  return pairs.flatMap((p) => {
    const [a, b] = p.split('-') as [string, string];
    return [pairSubject(a, b), pairSubject(b, a)];
  });
}

/** `MMR/Rakhine State` entries of a scope as subjects. */
export function adm1Subjects(adm1: readonly string[]): Subject[] {
  return adm1.map((entry) => {
    const [country = '', ...rest] = entry.split('/');
    return adm1Subject(country, rest.join('/'));
  });
}

export const round = (n: number, digits = 3): number => Math.round(n * 10 ** digits) / 10 ** digits;
