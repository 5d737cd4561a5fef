import type { Request, Response } from 'express';
import { Collection } from 'mongodb';

export async function remove(items: Collection, req: Request, res: Response): Promise<void> {
  // vigil-expect: nosql-injection
  await items.deleteMany({ owner: req.body.owner });
  // vigil-ok: nosql-injection
  await items.deleteMany({ owner: String(req.body.owner) });
  // vigil-expect: nosql-injection
  const n = await items.countDocuments({ $and: [{ tag: req.query.tag }] });
  // vigil-ok: nosql-injection
  const m = await items.countDocuments({ tag: `${req.query.tag}` });
  res.json({ n, m });
}
