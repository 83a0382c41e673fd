// R-PROGRESS: progress is a positive difference between the person's situation at the start (the
// baseline assessment, R-ASSESS-BASELINE) and at the reference date (the latest measurement on or
// before it): a participation rung higher than the baseline's, or a mean domain score higher than
// the baseline's over the domains both measured. Never a ground for a sanction.
import { explained, type Explained } from './explained.js';
import { date, msg } from '../i18n/catalogue.js';

export interface Measurement {
  id: string;
  performedOn: string;
  participationRung: number | null;
  domainScores: ReadonlyArray<{ domain: string; score: number }>;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export function progressOn(input: {
  baseline: Measurement | null;
  measurements: readonly Measurement[];
  on: string;
}): Explained<boolean> {
  const { baseline, on } = input;
  if (!baseline) return explained<boolean>(null, 'R-PROGRESS', msg('progress.no-baseline'));
  const later = input.measurements
    .filter((m) => m.id !== baseline.id && m.performedOn >= baseline.performedOn && m.performedOn <= on)
    .sort((a, b) => (a.performedOn < b.performedOn ? -1 : a.performedOn > b.performedOn ? 1 : a.id < b.id ? -1 : 1));
  const latest = later[later.length - 1];
  if (!latest)
    return explained<boolean>(
      null,
      'R-PROGRESS',
      msg('progress.no-measurement', { baseline: date(baseline.performedOn), on: date(on) }),
    );
  const rungUp =
    baseline.participationRung !== null &&
    latest.participationRung !== null &&
    latest.participationRung > baseline.participationRung;
  const common = latest.domainScores
    .filter((s) => baseline.domainScores.some((b) => b.domain === s.domain))
    .map((s) => s.domain);
  const before = common.length
    ? mean(common.map((d) => baseline.domainScores.find((s) => s.domain === d)!.score))
    : null;
  const after = common.length ? mean(common.map((d) => latest.domainScores.find((s) => s.domain === d)!.score)) : null;
  const scoreUp = before !== null && after !== null && after > before;
  return explained(rungUp || scoreUp, 'R-PROGRESS', () => {
    const scores =
      before !== null
        ? msg('progress.scores', { domains: common.length, before, after: after! })
        : msg('progress.no-common-domain');
    return msg('progress.compared', {
      baseline: date(baseline.performedOn),
      on: date(on),
      latest: date(latest.performedOn),
      rungBefore: String(baseline.participationRung ?? '—'),
      rungAfter: String(latest.participationRung ?? '—'),
      scores,
      progress: rungUp || scoreUp ? 'yes' : 'no',
    });
  });
}
