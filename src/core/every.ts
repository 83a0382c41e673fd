// A background task of the server process: run every few milliseconds, never two at once, a
// failure logged and retried on the next tick; stop() waits for the run in progress.
export function runEvery(
  everyMs: number,
  task: () => Promise<void>,
  onError: (error: Error) => void,
): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = task()
      .catch((error: unknown) => onError(error as Error))
      .finally(() => {
        running = null;
      });
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
