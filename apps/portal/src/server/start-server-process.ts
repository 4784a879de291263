// What a portal server process does before its first request: check its configuration,
// then start the background work that lives beside the HTTP server.

export async function startServerProcess(): Promise<void> {
  try {
    // Imported here, not at the top: env.ts throws on import when a production secret is
    // missing, and that must end up below.
    const { assertServerEnv, env } = await import("~/env");
    if (env.isBuild) return;
    assertServerEnv();
    const { validateServerEnv } = await import("@brokerage/api");
    validateServerEnv();
  } catch (error) {
    // Next would otherwise keep running and answer every request with 500: a server
    // that cannot work stops, and says why.
    console.error(`[portal] cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  // The shared stores are connected and checked now: a throttle store that is not there
  // stops the process instead of failing its first throttled requests.
  const { startInstance } = await import("./instance");
  await startInstance();
  const { startMetrics } = await import("./metrics");
  startMetrics();
  const { startOutboxDispatcher } = await import("./outbox-dispatcher");
  startOutboxDispatcher();
  const { startCoreRecovery } = await import("./core-recovery");
  startCoreRecovery();
  const { startAuditRetention } = await import("./audit-retention");
  startAuditRetention();
  const { startPaymentSimulatorTicker } = await import("./payment-simulator-ticker");
  startPaymentSimulatorTicker();
}
