import type { FastifyInstance } from "fastify";

const EXPLAINED: Record<string, (host: string, port: number) => string> = {
  EADDRINUSE: (host, port) => `Port ${port} is already in use on ${host}: stop the other server or set PORT to a free port.`,
  EACCES: (host, port) => `Port ${port} on ${host} needs more privileges: set PORT above 1023.`,
  EADDRNOTAVAIL: (host) => `HOST ${host} is not an address of this machine: set HOST=127.0.0.1 or HOST=0.0.0.0.`,
};

/**
 * Listens on host:port; an address that cannot be bound becomes one line on stderr, then
 * `stop` releases what start-up opened (the embedded database) and the process exits 1.
 */
export async function listenOrExit(app: FastifyInstance, host: string, port: number, stop: () => Promise<void>): Promise<void> {
  try {
    await app.listen({ port, host });
  } catch (error) {
    const explain = EXPLAINED[(error as NodeJS.ErrnoException).code ?? ""];
    if (!explain) throw error;
    console.error(explain(host, port));
    await stop().catch(() => {});
    process.exit(1);
  }
}
