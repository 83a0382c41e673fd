import { startServer } from '../server.js';

startServer(process.env).catch((error: unknown) => {
  console.error(`start failed: ${(error as Error).message}`);
  process.exit(1);
});
