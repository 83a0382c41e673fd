// The CPAS registry: platform administrators register CPAS; every tenant reads its own entry.
import type { RequestContext, Outcome } from '../../core/context.js';
import { created } from '../../core/context.js';
import { writeUnit, readUnit } from '../../core/work.js';
import { AppError } from '../../core/problem.js';
import { uuidv7 } from '../../db/ids.js';
import { uniqueViolation } from '../../db/errors.js';
import { isValidKbo } from '../../rules/identifiers.js';
import { appendChange } from '../../core/audit-append.js';
import { pageOf, decodeCursor } from '../../core/cursor.js';
import * as repo from './cpas.repository.js';
import type { Cpas, CpasCreateBody } from './cpas.schemas.js';
import { msg } from '../../i18n/catalogue.js';

export async function createCpas(ctx: RequestContext, body: CpasCreateBody): Promise<Outcome<Cpas>> {
  const kbo = body.kboNumber.replace(/[.\s]/g, '');
  if (!isValidKbo(kbo)) {
    throw new AppError('invalid-kbo', msg('check.kbo-digits'), { rule: 'R-ID-KBO' });
  }
  try {
    return await writeUnit(ctx, async (tx) => {
      if (await repo.findKbo(tx, kbo)) throw new AppError('duplicate-kbo', msg('conflict.cpas-kbo'));
      const taken = await repo.findCurrentNisOwners(tx, body.nisCodes);
      if (taken.length > 0) {
        throw new AppError('duplicate-nis-code', msg('conflict.nis-codes', { codes: taken.join(', ') }), {
          rule: 'R-ID-NIS',
        });
      }
      const id = uuidv7();
      await repo.insertCpas(tx, {
        id,
        kbo,
        name: body.name,
        language: body.language,
        nisCodes: body.nisCodes,
        address: body.address ?? null,
        contact: body.contact ?? null,
        actor: ctx.actor,
      });
      const cpas = (await repo.findCpasById(tx, id))!;
      await appendChange(tx, ctx, {
        action: 'create',
        entity: 'cpas',
        entityId: id,
        event: { type: 'cpas.created', data: { kboNumber: kbo, record: cpas } },
      });
      return created(cpas, `/v1/cpas/${id}`, '"1"');
    });
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint === null) throw error;
    if (constraint.includes('nis'))
      throw new AppError('duplicate-nis-code', msg('conflict.nis-code'), { rule: 'R-ID-NIS' });
    throw new AppError('duplicate-kbo', msg('conflict.cpas-kbo'));
  }
}

export async function listCpas(ctx: RequestContext, query: { limit?: number; cursor?: string }) {
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor);
  return readUnit(ctx, async (tx) => pageOf(await repo.listCpas(tx, after, limit + 1), limit));
}

/** A registered CPAS by id (the platform's view of the registry). */
export async function getCpas(ctx: RequestContext, id: string): Promise<Cpas> {
  const cpas = await readUnit(ctx, (tx) => repo.findCpasById(tx, id));
  if (!cpas) throw new AppError('not-found', msg('not-found.cpas'));
  return cpas;
}

export async function getCurrentCpas(ctx: RequestContext): Promise<Cpas> {
  return readUnit(ctx, async (tx) => {
    const cpas = await repo.findCpasById(tx, ctx.cpasId);
    if (!cpas) throw new AppError('not-found', msg('not-found.cpas'));
    return cpas;
  });
}
