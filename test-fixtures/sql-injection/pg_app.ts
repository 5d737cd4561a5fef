import { Pool } from 'pg';
import knex from 'knex';

const pool = new Pool();
const kx = knex({ client: 'pg' });

export async function findOrder(ref: string, owner: string) {
  // vigil-expect: sql-injection
  return pool.query(`SELECT * FROM orders WHERE ref = '${ref}' AND owner = '${owner}'`);
}

export async function findOrderSafe(ref: string) {
  // vigil-ok: sql-injection
  return pool.query('SELECT * FROM orders WHERE ref = $1', [ref]);
}

export async function tagged(ref: string) {
  // vigil-ok: sql-injection
  return sql`SELECT * FROM orders WHERE ref = ${ref}`;
}

export async function byId(id: number) {
  // vigil-ok: sql-injection
  return pool.query('SELECT * FROM orders WHERE id = ' + id);
}

export async function knexRaw(name: string) {
  // vigil-expect: sql-injection
  return kx.raw("SELECT * FROM users WHERE name = '" + name + "'");
}

export async function knexWhere(name: string) {
  // vigil-expect: sql-injection
  return kx('users').whereRaw("name = '" + name + "'");
}

export async function knexSafe(name: string) {
  // vigil-ok: sql-injection
  return kx('users').whereRaw('name = ?', [name]);
}

export function typeormWhere(repo: any, name: string) {
  // vigil-expect: sql-injection
  return repo.createQueryBuilder('u').where("u.name = '" + name + "'").getMany();
}

export function typeormSafe(repo: any, name: string) {
  // vigil-ok: sql-injection
  return repo.createQueryBuilder('u').where('u.name = :name', { name }).getMany();
}

export function arrays(list: string[], name: string) {
  // vigil-ok: sql-injection
  return list.filter((x) => x === name).map((x) => 'item ' + x);
}

export async function prismaRaw(prisma: any, email: string) {
  // vigil-expect: sql-injection
  return prisma.$queryRawUnsafe(`SELECT * FROM "User" WHERE email = '${email}'`);
}
