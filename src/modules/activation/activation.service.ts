// Social activation (R-PAS-MODULES): modules, their participants (enrolled beneficiaries of the
// CPAS, with the PIIS the module belongs to) and their sessions with attendance; and the
// collective-modules table of a year.
import type { Outcome, RequestContext } from '../../core/context.js';
import { created } from '../../core/context.js';
import { readUnit, recordAccess, writeUnit } from '../../core/work.js';
import { AppError } from '../../core/problem.js';
import { assertCalendarDate, assertFactDate } from '../../core/guards.js';
import { decodeCursor, pageOf } from '../../core/cursor.js';
import { uuidv7 } from '../../db/ids.js';
import { uniqueViolation } from '../../db/errors.js';
import { rightSegments } from '../../rules/rights.js';
import { moduleActivation, moduleMark, type ActivationKind } from '../../rules/activation-kinds.js';
import { appendChange } from '../../core/audit-append.js';
import { findIdBy } from '../beneficiaries/index.js';
import { toRightDecisionFact } from '../../db/right-decision-row.js';
import { findPiisIdBy } from '../piis/index.js';
import * as repo from './activation.repository.js';
import type {
  Module,
  ModuleCreateBody,
  ModuleListQuery,
  Participant,
  ParticipantBody,
  PasModulesReport,
  Session,
  SessionBody,
} from './activation.schemas.js';
import { date, msg, type MessageId } from '../../i18n/catalogue.js';

export async function createModule(ctx: RequestContext, body: ModuleCreateBody): Promise<Outcome<Module>> {
  const activation = moduleMarkOf(body);
  assertCalendarDate(body.startsOn, '/body/startsOn');
  if (body.endsOn !== undefined) assertCalendarDate(body.endsOn, '/body/endsOn');
  if (body.endsOn !== undefined && body.endsOn < body.startsOn) {
    throw new AppError('invalid-period', msg('check.module-reversed'), {
      errors: [{ path: '/body/endsOn', message: msg('date.not-before-start', { field: 'startsOn' }) }],
    });
  }
  return writeUnit(ctx, async (tx) => {
    const id = uuidv7();
    const row = await repo.insertModule(tx, {
      cpas_id: ctx.cpasId,
      id,
      theme: body.theme,
      activation,
      title: body.title,
      partners: JSON.stringify(body.partners ?? []),
      starts_on: body.startsOn,
      ends_on: body.endsOn ?? null,
      hours: body.hours,
      notes: body.notes ?? null,
      external_ref: body.externalRef ?? null,
      created_by: ctx.actor,
    });
    const module = repo.toModule(row);
    await appendChange(tx, ctx, {
      action: 'create',
      entity: 'activation_module',
      entityId: id,
      event: { type: 'activation_module.created', data: { id, record: module } },
    });
    return created(module, `/v1/activation-modules/${id}`, '"1"');
  }).catch((error) => {
    if (uniqueViolation(error) !== null)
      throw new AppError('duplicate-external-ref', msg('conflict.external-ref', { entity: 'module' }));
    throw error;
  });
}

/** R-SOCIAL-ACTIVATION: the module's mark as the rule decides it, or its refusal. */
function moduleMarkOf(body: ModuleCreateBody): ActivationKind {
  const mark = moduleMark(body.theme, body.activation);
  if (!('refused' in mark)) return mark.kind;
  if (mark.refused === 'mark-missing') {
    const message = msg('check.module-theme-mark', { theme: body.theme.slice(0, 200) });
    throw new AppError('activation-mark-missing', message, {
      rule: 'R-SOCIAL-ACTIVATION',
      errors: [{ path: '/body/activation', message }],
    });
  }
  const message = msg('check.module-mark', {
    theme: msg(`code.moduleTheme.${mark.code}` as MessageId),
    kind: msg(`code.activationKind.${mark.kind}` as MessageId),
  });
  throw new AppError('validation-failed', msg('check.field-error', { path: '/body/activation', message }), {
    rule: 'R-SOCIAL-ACTIVATION',
    errors: [{ path: '/body/activation', message }],
  });
}

export async function listModules(ctx: RequestContext, query: ModuleListQuery) {
  const limit = query.limit ?? 50;
  const afterId = decodeCursor(query.cursor);
  const rows = await readUnit(
    ctx,
    async (tx) =>
      (
        await tx.executeQuery(
          repo.listModulesQuery(tx, ctx.cpasId, {
            year: query.year,
            externalRef: query.externalRef,
            afterId,
            limit: limit + 1,
          }),
        )
      ).rows,
  );
  const page = pageOf(rows, limit);
  return { items: page.items.map(repo.toModule), nextCursor: page.nextCursor };
}

const NO_MODULE = () => new AppError('not-found', msg('not-found.module'));

export async function getModule(ctx: RequestContext, moduleId: string): Promise<Module> {
  const row = await readUnit(ctx, (tx) => repo.findModule(tx, ctx.cpasId, moduleId));
  if (!row) throw NO_MODULE();
  return repo.toModule(row);
}

/** An enrolment (it names a beneficiary: an access to it). */
export async function getParticipant(ctx: RequestContext, moduleId: string, id: string): Promise<Participant> {
  const row = await readUnit(ctx, (tx) => repo.findParticipant(tx, ctx.cpasId, moduleId, id));
  if (!row) throw new AppError('not-found', msg('not-found.record'));
  await recordAccess(ctx, 'activation_participant', [row]);
  return repo.toParticipant(row);
}

/** A session and its attendance (it names beneficiaries: an access to it). */
export async function getSession(ctx: RequestContext, moduleId: string, id: string): Promise<Session> {
  const session = await readUnit(ctx, (tx) => repo.findSession(tx, ctx.cpasId, moduleId, id));
  if (!session) throw new AppError('not-found', msg('not-found.record'));
  await recordAccess(ctx, 'activation_session', [session]);
  return session;
}

export async function enrolParticipant(
  ctx: RequestContext,
  moduleId: string,
  body: ParticipantBody,
): Promise<Outcome<Participant>> {
  return writeUnit(ctx, async (tx) => {
    if (!(await repo.findModule(tx, ctx.cpasId, moduleId))) throw NO_MODULE();
    if (!(await findIdBy(tx, ctx.cpasId, { id: body.beneficiaryId }))) {
      throw new AppError('invalid-reference', msg('check.unknown-beneficiary-ref'), {
        errors: [{ path: '/body/beneficiaryId', message: msg('check.unknown-beneficiary') }],
      });
    }
    if (body.piisId !== undefined) {
      const piis = await findPiisIdBy(tx, ctx.cpasId, { id: body.piisId });
      if (!piis || piis.beneficiary_id !== body.beneficiaryId) {
        throw new AppError('invalid-reference', msg('check.piis-of-other'), {
          errors: [{ path: '/body/piisId', message: msg('check.not-piis-of-beneficiary') }],
        });
      }
    }
    const id = uuidv7();
    const row = await repo.insertParticipant(tx, {
      cpas_id: ctx.cpasId,
      id,
      module_id: moduleId,
      beneficiary_id: body.beneficiaryId,
      piis_id: body.piisId ?? null,
      enrolled_by: ctx.actor,
    });
    await appendChange(tx, ctx, {
      action: 'create',
      entity: 'activation_participant',
      entityId: id,
      event: {
        type: 'activation_module.participant_enrolled',
        data: { moduleId, id, beneficiaryId: body.beneficiaryId },
        entity: 'activation_module',
        entityId: moduleId,
      },
    });
    return created(repo.toParticipant(row), `/v1/activation-modules/${moduleId}/participants/${id}`, '"1"');
  }).catch((error) => {
    if (uniqueViolation(error) !== null) throw new AppError('invalid-state', msg('conflict.enrolled'));
    throw error;
  });
}

export async function recordSession(
  ctx: RequestContext,
  moduleId: string,
  body: SessionBody,
): Promise<Outcome<Session>> {
  assertFactDate(body.heldOn, ctx.today, '/body/heldOn');
  return writeUnit(ctx, async (tx) => {
    const module = await repo.findModule(tx, ctx.cpasId, moduleId);
    if (!module) throw NO_MODULE();
    if (body.heldOn < module.starts_on || (module.ends_on !== null && body.heldOn > module.ends_on)) {
      throw new AppError(
        'invalid-period',
        msg('check.session-outside', {
          heldOn: date(body.heldOn),
          startsOn: date(module.starts_on),
          endsOn: module.ends_on ? date(module.ends_on) : msg('check.open-end'),
        }),
        { errors: [{ path: '/body/heldOn', message: msg('check.outside-module') }] },
      );
    }
    const enrolled = await repo.enrolledAmong(tx, ctx.cpasId, moduleId, body.attendeeIds);
    const stranger = body.attendeeIds.findIndex((b) => !enrolled.has(b));
    if (stranger >= 0) {
      throw new AppError('invalid-reference', msg('check.attendees-enrolled'), {
        errors: [{ path: `/body/attendeeIds/${stranger}`, message: msg('check.not-enrolled') }],
      });
    }
    const id = uuidv7();
    await repo.insertSession(
      tx,
      { cpas_id: ctx.cpasId, id, module_id: moduleId, held_on: body.heldOn, hours: body.hours, recorded_by: ctx.actor },
      body.attendeeIds,
    );
    await appendChange(tx, ctx, {
      action: 'create',
      entity: 'activation_session',
      entityId: id,
      event: {
        type: 'activation_module.session_recorded',
        data: { moduleId, id, heldOn: body.heldOn, attendees: body.attendeeIds.length },
        entity: 'activation_module',
        entityId: moduleId,
      },
    });
    return created(
      { id, moduleId, heldOn: body.heldOn, hours: body.hours, attendeeIds: [...body.attendeeIds] },
      `/v1/activation-modules/${moduleId}/sessions/${id}`,
      '"1"',
    );
  });
}

/** R-PAS-MODULES: the collective-modules table of a year (aggregates: no person is named). */
export async function getPasModulesReport(ctx: RequestContext, year: number): Promise<PasModulesReport> {
  return pasModulesFrom(await pasModulesInputs(ctx, year), year);
}

/** Its inputs: the modules with their sessions of the year, and the rights of their attendees. */
export function pasModulesInputs(ctx: RequestContext, year: number) {
  return readUnit(ctx, async (tx) => {
    const modules = (await tx.executeQuery(repo.modulesOfYearQuery(tx, ctx.cpasId, year))).rows;
    const people = [...new Set(modules.flatMap((m) => m.attendees ?? []))].sort();
    const rights = people.length ? (await tx.executeQuery(repo.rightsOfQuery(tx, ctx.cpasId, people))).rows : [];
    return { modules, rights };
  });
}

export function pasModulesFrom(
  { modules, rights }: Awaited<ReturnType<typeof pasModulesInputs>>,
  year: number,
): PasModulesReport {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const byPerson = new Map<string, typeof rights>();
  for (const r of rights) byPerson.set(r.beneficiary_id, [...(byPerson.get(r.beneficiary_id) ?? []), r]);
  const onRi = (id: string) =>
    rightSegments((byPerson.get(id) ?? []).map(toRightDecisionFact)).some(
      (s) => s.decision.kind === 'ri' && s.from <= to && (s.to === null || s.to >= from),
    );
  // professional-activation modules are not social activation: out of the table (R-PAS-COSTS)
  const social = modules.filter((m) => moduleActivation(m.theme, m.activation) !== 'professional');
  return {
    year,
    rule: 'R-PAS-MODULES',
    professionalModules: modules.length - social.length,
    items: social.map((m) => ({
      moduleId: m.id,
      theme: m.theme,
      title: m.title,
      partners: m.partners.join('; '),
      sessions: m.sessions,
      hours: Number(m.session_hours),
      participants: (m.attendees ?? []).length,
      riParticipants: (m.attendees ?? []).filter(onRi).length,
      notes: m.notes,
    })),
  };
}
