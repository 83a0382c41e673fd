// The two forms of the SPP IS's "Rapport unique" this service fills for a CPAS and a year, laid out
// as the CPAS files them: a form sheet (its lines: the SPP IS's numbered figures, the totals, the
// justification), then its tables. The social-activation (PAS) form: the social-activation
// indicators (R-IND-2015 objectives, progress and results, R-IND-ENTITLED), the collective-modules
// table (R-PAS-MODULES) and the costs justified against the social-activation subsidies of the
// year (R-PAS-COSTS: PAS from 2017, the two convention subsidies before). The PIIS 10% form: the
// subsidy of the year by code (R-SUB-*), the costs justified against it (R-SUB-COSTS), the
// compliance figures, and its months per person named by NISS and name — the CPAS's own file,
// never an SPP IS view. Every label comes from the catalogue, in the reader's language.
import type { RequestContext } from '../../core/context.js';
import { CONVENTION_SUBSIDIES, CONVENTION_YEARS, type Subsidy } from '../../rules/expenses.js';
import { msg, render, type Lang, type MessageId } from '../../i18n/catalogue.js';
import { getPasModulesReport, type PasModulesReport } from '../activation/index.js';
import { getCurrentCpas } from '../cpas/index.js';
import type { Expense } from '../expenses/index.js';
import * as service from './reports.service.js';
import type { Indicators, Justification, RapportUnique, RapportUniqueLine, SubsidyReport } from './reports.schemas.js';
import type { SubsidyReportStream } from './reports.service.js';

export type FormKind = RapportUnique['form'];
export { FORM_SECTIONS } from './reports.schemas.js';

/** The social-activation subsidies a year's PAS form justifies: the convention's two until 2016, PAS from 2017. */
export const pasSubsidiesOf = (year: number): Subsidy[] =>
  CONVENTION_YEARS.includes(year) ? [...CONVENTION_SUBSIDIES] : ['pas'];

type Line = Omit<RapportUniqueLine, 'label' | 'explanation'> & { label: MessageId; explanation?: string };

const said = (lang: Lang, lines: readonly Line[]): RapportUniqueLine[] =>
  lines.map((l) => ({ ...l, label: render(lang, msg(l.label)), explanation: l.explanation ?? null }));

const line = (
  section: RapportUniqueLine['section'],
  key: string,
  label: MessageId,
  values: Partial<Pick<Line, 'number' | 'value' | 'amountCents' | 'text' | 'explanation'>>,
  rule: string | null = null,
): Line => ({
  section,
  key,
  label,
  number: values.number ?? null,
  value: values.value ?? null,
  amountCents: values.amountCents ?? null,
  text: values.text ?? null,
  rule,
  ...(values.explanation !== undefined ? { explanation: values.explanation } : {}),
});

/** The indicator items of a group as form lines (their labels already said). */
function indicatorLines(indicators: Indicators, group: 'socialActivation' | 'piis'): RapportUniqueLine[] {
  return indicators.items
    .filter((i) => i.group === group)
    .map((i) => ({
      section: i.section,
      key: i.key,
      number: i.number,
      label: i.label,
      value: i.value,
      amountCents: null,
      text: null,
      rule: i.rule,
      explanation: i.explanation,
    }));
}

/**
 * The justification of one subsidy: its expenses, the eligible and ineligible amounts, and the balance against a
 * computed subsidy.
 */
function justificationLines(j: Justification): Line[] {
  const key = `justification.${j.subsidy}`;
  return [
    line(
      'justification',
      `${key}.expenses`,
      'form.justification-expenses',
      { value: j.items.length, text: j.subsidy },
      j.rule,
    ),
    line(
      'justification',
      `${key}.justified`,
      'form.justification-justified',
      { amountCents: j.justifiedCents, text: j.subsidy, explanation: j.explanation },
      j.rule,
    ),
    line(
      'justification',
      `${key}.ineligible`,
      'form.justification-ineligible',
      { amountCents: j.ineligibleCents, text: j.subsidy },
      j.rule,
    ),
    ...(j.balanceCents === null
      ? []
      : [
          line(
            'justification',
            `${key}.balance`,
            'form.justification-balance',
            { amountCents: j.balanceCents, text: j.subsidy },
            j.rule,
          ),
        ]),
  ];
}

async function identification(
  ctx: RequestContext,
  form: FormKind,
  year: number,
): Promise<{ lines: RapportUniqueLine[]; cpas: RapportUnique['cpas'] }> {
  const cpas = await getCurrentCpas(ctx);
  const name = cpas.name[ctx.lang === 'en' ? 'fr' : ctx.lang];
  const lines: Line[] = [
    line('identification', 'form', 'form.form', {
      text: render(ctx.lang, msg(form === 'pas' ? 'form.title-pas' : 'form.title-piis10')),
    }),
    line('identification', 'cpas.kbo', 'form.cpas-kbo', { text: cpas.kboNumber }),
    line('identification', 'cpas.name', 'form.cpas-name', { text: name }),
    line('identification', 'year', 'form.year', { value: year }),
  ];
  return { lines: said(ctx.lang, lines), cpas: { kboNumber: cpas.kboNumber, name } };
}

const justified = (lang: Lang, j: Justification) => said(lang, justificationLines(j));

export interface PasForm extends RapportUnique {
  modules: PasModulesReport['items'];
}

/** The social-activation (PAS) form of a year. */
export async function pasForm(ctx: RequestContext, year: number): Promise<PasForm> {
  const head = await identification(ctx, 'pas', year);
  const indicators = await service.getIndicators(ctx, { year });
  const modules = await getPasModulesReport(ctx, year);
  const justifications = await Promise.all(
    pasSubsidiesOf(year).map((subsidy) => service.getJustificationReport(ctx, { subsidy, year })),
  );
  const sum = (f: (m: PasModulesReport['items'][number]) => number) => modules.items.reduce((s, m) => s + f(m), 0);
  const moduleLines: Line[] = [
    line('modules', 'modules.count', 'form.modules-count', { value: modules.items.length }, 'R-PAS-MODULES'),
    line('modules', 'modules.sessions', 'form.modules-sessions', { value: sum((m) => m.sessions) }, 'R-PAS-MODULES'),
    line('modules', 'modules.hours', 'form.modules-hours', { value: sum((m) => m.hours) }, 'R-PAS-MODULES'),
    line(
      'modules',
      'modules.professional',
      'form.modules-professional',
      { value: modules.professionalModules },
      'R-PAS-COSTS',
    ),
  ];
  return {
    form: 'pas',
    year,
    cpas: head.cpas,
    indicatorSet: indicators.indicatorSet,
    lines: [
      ...head.lines,
      ...indicatorLines(indicators, 'socialActivation'),
      ...said(ctx.lang, moduleLines),
      ...justifications.flatMap((j) => justified(ctx.lang, j)),
    ],
    modules: modules.items,
    expenses: justifications.flatMap((j) => j.items),
  };
}

export interface Piis10Form extends RapportUnique {
  /** the months of the year per person, streamed (the subsidy report's, named) */
  months: SubsidyReport | SubsidyReportStream;
}

/** A form as JSON: the 10% form's months are in its workbook (and in getSubsidyReport), not here. */
export const formJson = (form: PasForm | Piis10Form): RapportUnique =>
  Object.fromEntries(Object.entries(form).filter(([key]) => key !== 'months')) as RapportUnique;

/** The PIIS 10% form of a year. */
export async function piis10Form(
  ctx: RequestContext,
  year: number,
  options: { exported: boolean },
): Promise<Piis10Form> {
  const head = await identification(ctx, 'piis10', year);
  const indicators = await service.getIndicators(ctx, { year });
  const months = await service.getSubsidyReport(ctx, { year }, options);
  // justified against the subsidy the months add up to, rather than computing it again
  const justification = await service.getJustificationReport(
    ctx,
    { subsidy: 'piis10', year },
    months.totals.subsidyCents,
  );
  const t = months.totals;
  const subsidyLines: Line[] = [
    line('subsidy', 'code11.months', 'form.code-months', { number: '11', value: t.code11.months }, 'R-SUB-FIRST'),
    line('subsidy', 'code11.ri', 'form.code-ri', { number: '11', amountCents: t.code11.riCents }, 'R-SUB-FIRST'),
    line(
      'subsidy',
      'code11.subsidy',
      'form.code-subsidy',
      { number: '11', amountCents: t.code11.subsidyCents },
      'R-SUB-RATE',
    ),
    line('subsidy', 'code17.months', 'form.code-months', { number: '17', value: t.code17.months }, 'R-SUB-SECOND'),
    line('subsidy', 'code17.ri', 'form.code-ri', { number: '17', amountCents: t.code17.riCents }, 'R-SUB-SECOND'),
    line(
      'subsidy',
      'code17.subsidy',
      'form.code-subsidy',
      { number: '17', amountCents: t.code17.subsidyCents },
      'R-SUB-RATE',
    ),
    line('subsidy', 'subsidy.total', 'form.subsidy-total', { amountCents: t.subsidyCents }, 'R-SUB-RATE'),
    line(
      'subsidy',
      'student.months',
      'form.student-months',
      { value: t.student.months, amountCents: t.student.riCents },
      'R-SUB-STUDENT',
    ),
    line('subsidy', 'exempted.months', 'form.exempted-months', { number: '8', value: t.exemptedMonths }, 'R-EXEMPT'),
  ];
  return {
    form: 'piis10',
    year,
    cpas: head.cpas,
    indicatorSet: indicators.indicatorSet,
    lines: [
      ...head.lines,
      ...said(ctx.lang, subsidyLines),
      ...justified(ctx.lang, justification),
      ...indicatorLines(indicators, 'piis'),
    ],
    expenses: justification.items as Expense[],
    months,
  };
}
