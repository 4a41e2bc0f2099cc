// Runs in every e2e test file: whatever happens in a file, no server outlives it. This hook
// runs before a file's own top-level afterAll, so files start servers inside describe blocks.
import { killAllServers } from './server-process';

afterAll(() => {
  killAllServers();
});
