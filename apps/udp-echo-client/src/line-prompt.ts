// The prompt used when stdin is not a terminal: plain lines from a pipe or file, no prompt text,
// so `printf 'hello\n:quit\n' | udp-echo-client` scripts the interactive mode.

import { createInterface } from 'node:readline';
import type { PromptFn } from './repl';

export interface LinePrompt {
  readonly prompt: PromptFn;
  /** Stops reading, so a pipe that is still open does not keep the process alive. */
  readonly close: () => void;
}

function ended(name: 'InputEndedError' | 'AbortPromptError', message: string): Error {
  const error = new Error(message);
  // The REPL ends on these names, the same way it ends on inquirer's Ctrl+C.
  error.name = name;
  return error;
}

export function linePrompt(input: NodeJS.ReadableStream, signal?: AbortSignal): LinePrompt {
  const reader = createInterface({ input, terminal: false });
  const lines = reader[Symbol.asyncIterator]();
  const prompt: PromptFn = () =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(ended('AbortPromptError', 'input aborted'));
        return;
      }
      const onAbort = (): void => reject(ended('AbortPromptError', 'input aborted'));
      signal?.addEventListener('abort', onAbort, { once: true });
      lines.next().then(
        (next) => {
          signal?.removeEventListener('abort', onAbort);
          if (next.done === true) reject(ended('InputEndedError', 'end of input'));
          else resolve(next.value);
        },
        (error: unknown) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  return { prompt, close: () => reader.close() };
}
