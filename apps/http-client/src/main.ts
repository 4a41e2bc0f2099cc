// Entry point: `http-client [base-url]` opens the REPL, `http-client get|post|... URL` sends one
// request. This file only wires the parts together and sets the exit status.
import { assertSupportedNode } from '@mths/runtime';
import { Agent } from './agent';
import { parseCommandLine } from './cli-args';
import { chalkFor } from './colour';
import { History } from './history';
import { inquirerPrompts } from './inquirer-prompts';
import { ReplSession } from './repl';
import { runOnce } from './run-once';

assertSupportedNode();

// `http-client get URL | head -1`: the reader left, so there is nobody to report to; stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
}

async function main(): Promise<void> {
  const invocation = parseCommandLine(process.argv.slice(2), {
    writeOut: (text) => process.stdout.write(text),
    writeErr: (text) => process.stderr.write(text),
  });
  switch (invocation.kind) {
    case 'exit':
      process.exitCode = invocation.status;
      return;
    case 'request':
      process.exitCode = await runOnce(invocation, { stdout: process.stdout, stderr: process.stderr, env: process.env });
      return;
    case 'repl': {
      const agent = new Agent(invocation.transport);
      // Ctrl-C while a request is in flight (prompts handle their own Ctrl-C), or SIGTERM:
      // close the kept connection and leave cleanly.
      const leave = () => {
        agent.close();
        process.stdout.write('\n');
        process.exit(0);
      };
      process.once('SIGINT', leave);
      process.once('SIGTERM', leave);
      const session = new ReplSession({
        prompts: inquirerPrompts,
        out: process.stdout,
        colours: chalkFor(process.stdout),
        screen: () => ({ rows: process.stdout.rows ?? 24, columns: process.stdout.columns ?? 100 }),
        agent,
        history: History.load(),
        base: invocation.base,
      });
      await session.run();
      // stdin may still hold a reference after the last prompt; the session is over.
      process.exit(0);
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
