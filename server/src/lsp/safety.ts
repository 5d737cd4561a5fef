// Keeps the server alive and stdout clean. Anything a dependency prints goes to the client's log instead
// of stdout (where it would corrupt the LSP stream under --stdio), and a throwing handler is logged and
// answered with a harmless default instead of taking the process down.
import { format } from 'util';
import { ResponseError, type Connection } from 'vscode-languageserver/node';

export function redirectConsole(connection: Connection): void {
  const to = (send: (m: string) => void) => (...args: unknown[]): void => {
    try {
      send(format(...args));
    } catch {
      // The connection is gone (shutdown); there is nowhere left to log to.
    }
  };
  console.log = to((m) => connection.console.log(m));
  console.info = to((m) => connection.console.info(m));
  console.warn = to((m) => connection.console.warn(m));
  console.error = to((m) => connection.console.error(m));
  console.debug = to((m) => connection.console.log(m));
  console.trace = to((m) => connection.console.log(m));
}

export function installProcessGuards(log: (message: string) => void): void {
  process.on('uncaughtException', (e) => log(`uncaught exception: ${e.stack ?? String(e)}`));
  process.on('unhandledRejection', (e) => log(`unhandled rejection: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
}

/**
 * Wraps a request handler: a ResponseError passes through (cancellation, invalid params are meant for the
 * client); anything else is logged with the method name and answered with `fallback`.
 */
export function guarded<P, T, R extends unknown[]>(
  method: string,
  log: (message: string) => void,
  fallback: T,
  handler: (params: P, ...rest: R) => T | Promise<T>,
): (params: P, ...rest: R) => Promise<T> {
  return async (params: P, ...rest: R): Promise<T> => {
    try {
      return await handler(params, ...rest);
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      log(`${method} failed: ${(e as Error).stack ?? String(e)}`);
      return fallback;
    }
  };
}

/** The same for notifications and events, which have no answer. */
export function guardedVoid<A extends unknown[]>(what: string, log: (message: string) => void, fn: (...args: A) => unknown): (...args: A) => void {
  return (...args: A): void => {
    try {
      const r = fn(...args);
      if (r instanceof Promise) r.catch((e: unknown) => log(`${what} failed: ${(e as Error).stack ?? String(e)}`));
    } catch (e) {
      log(`${what} failed: ${(e as Error).stack ?? String(e)}`);
    }
  };
}
