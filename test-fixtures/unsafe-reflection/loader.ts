import type { Request } from 'express';

export async function load(req: Request): Promise<unknown> {
  // vigil-expect: unsafe-reflection
  const mod: unknown = await import(req.body.module);
  // vigil-ok: unsafe-reflection
  const fixed: unknown = await import('./fixed');
  return [mod, fixed];
}
