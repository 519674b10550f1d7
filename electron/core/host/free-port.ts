/** The port is taken and no next one was free: one plain line for the seller, not a raw EADDRINUSE. */
export class PortBusyError extends Error {
  constructor(
    readonly port: number,
    readonly tried: number,
  ) {
    super(
      tried > 1
        ? `Ports ${port}–${port + tried - 1} are all in use by other programs. Start Souqbot with --port N (a free port number).`
        : `Port ${port} is in use by another program. Start Souqbot with another --port N, or close that program.`,
    );
    this.name = 'PortBusyError';
  }
}

/**
 * Listens on `port`, or on the next of `extra` following ports while the previous ones are taken.
 * Port 0 (any free port) never collides.
 */
export async function listenOnFreePort<T>(listen: (port: number) => Promise<T>, port: number, extra: number): Promise<T> {
  const tries = port === 0 ? 1 : extra + 1;
  for (let i = 0; i < tries; i++) {
    try {
      return await listen(port + i);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port + i >= 65535) throw err;
    }
  }
  throw new PortBusyError(port, tries);
}
