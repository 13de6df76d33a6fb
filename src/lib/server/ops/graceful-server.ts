import { Server as NetServer, type Socket } from 'node:net';
import type { Server } from 'node:http';

export interface DrainResult {
  /** Requests still running when the limit was reached (their connections were closed). */
  abandoned: number;
  durationMs: number;
}

export interface GracefulServer {
  /** Requests being answered right now. */
  inFlight(): number;
  /**
   * Stops accepting connections and answers every request already received or still arriving
   * on open connections, each answer closing its connection (once `listenerClosed` resolves, if
   * given). Resolves when no connection is left, when those left have been idle for
   * `idleGraceMs`, or after `limitMs`, closing the rest.
   */
  drain(limitMs: number, options?: DrainOptions): Promise<DrainResult>;
}

export interface DrainOptions {
  /** How long connections left open must all have been idle before they are closed (default 1 s). */
  idleGraceMs?: number;
  /**
   * Called once this server has stopped listening; answers keep their connections open until it
   * resolves. With worker processes sharing one listening socket, a worker must not send its
   * clients away (`Connection: close`) while another worker still listens: they would reconnect
   * into the socket's queue, and the other worker's close would reset those connections.
   */
  listenerClosed?: () => Promise<void>;
}

interface Connection {
  active: number;
  idleSince: number;
}

/**
 * Tracks the connections and requests of `server` so it can stop without cutting an answer
 * short or resetting a connection a client is about to use.
 *
 * `http.Server#close()` closes idle keep-alive connections at once; a client (a proxy) sending
 * its next request on one of them at that moment gets a reset. So drain closes only the
 * listening socket, answers every request with `Connection: close` so that each connection ends
 * cleanly after its next answer, and closes connections that stay idle only after a grace time.
 */
export function makeGraceful(server: Server): GracefulServer {
  const connections = new Map<Socket, Connection>();
  let active = 0;
  let draining = false;
  let changed: (() => void) | undefined;

  server.prependListener('connection', (socket: Socket) => {
    connections.set(socket, { active: 0, idleSince: performance.now() });
    socket.once('close', () => {
      connections.delete(socket);
      changed?.();
    });
  });
  server.prependListener('request', (request, response) => {
    const connection = connections.get(request.socket);
    active += 1;
    if (connection) connection.active += 1;
    if (draining && !response.headersSent) response.setHeader('Connection', 'close');
    response.once('close', () => {
      active -= 1;
      if (connection) {
        connection.active -= 1;
        connection.idleSince = performance.now();
      }
      changed?.();
    });
  });

  return {
    inFlight: () => active,
    async drain(limitMs, { idleGraceMs = 1000, listenerClosed } = {}) {
      const started = performance.now();
      // Stop listening without http.Server#close's immediate closeIdleConnections().
      NetServer.prototype.close.call(server);
      if (listenerClosed) {
        // Within the limit like everything else here: a word that never comes ends the wait.
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          listenerClosed(),
          new Promise<void>((resolve) => (timer = setTimeout(resolve, limitMs))),
        ]);
        clearTimeout(timer);
      }
      draining = true;
      for (;;) {
        const now = performance.now();
        const open = [...connections.values()];
        if (open.length === 0) break;
        const allIdle = open.every(
          (connection) => connection.active === 0 && now - connection.idleSince >= idleGraceMs,
        );
        if (allIdle || now - started >= limitMs) break;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 50);
          changed = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        changed = undefined;
      }
      const abandoned = active;
      for (const socket of connections.keys()) socket.destroy();
      return { abandoned, durationMs: Math.round(performance.now() - started) };
    },
  };
}
