// Runs once when a Next server process starts.
export async function register() {
  // The literal expression lets Next drop the Node-only import from other runtimes'
  // bundles, which is why this reads process.env directly instead of env.ts.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerProcess } = await import("./server/start-server-process");
  await startServerProcess();
}
