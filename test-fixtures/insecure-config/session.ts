import cookieSession from 'cookie-session';
import jwt from 'jsonwebtoken';
import type { Express, Response } from 'express';

export function configure(app: Express, keys: string[]): void {
  app.use(
    cookieSession({
      name: 'session',
      keys,
      // vigil-expect: insecure-config
      cookie: { httpOnly: false },
    }),
  );
}

export function remember(res: Response, token: string): void {
  // vigil-ok: insecure-config
  res.cookie('remember_me', token, { httpOnly: true, secure: true, sameSite: 'lax' });
}

export function unsigned(claims: object): string {
  // vigil-expect: insecure-config
  return jwt.sign(claims, '', { algorithm: 'none' });
}

export function signed(claims: object, key: string): string {
  // vigil-ok: insecure-config
  return jwt.sign(claims, key, { algorithm: 'HS256' });
}

export const chart = {
  // vigil-ok: insecure-config
  tooltip: { secure: false },
};
