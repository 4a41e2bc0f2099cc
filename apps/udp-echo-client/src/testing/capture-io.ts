// Test support: ClientIo that records output, and a prompt that plays a script of lines.

import type { ClientIo } from '../cli';
import type { PromptFn } from '../repl';

export interface CapturedIo extends ClientIo {
  readonly stdoutText: () => string;
  readonly stderrText: () => string;
  readonly prompts: string[];
}

/** Plays `lines` one per prompt; a line that is an Error is thrown (as inquirer does on Ctrl+C). */
export function scriptedPrompt(lines: ReadonlyArray<string | Error>, asked: string[] = []): PromptFn {
  let next = 0;
  return async (message) => {
    asked.push(message);
    const line = lines[next++];
    if (line === undefined) throw new Error('the script ran out of lines');
    if (line instanceof Error) throw line;
    return line;
  };
}

export function captureIo(options: { script?: ReadonlyArray<string | Error>; signal?: AbortSignal } = {}): CapturedIo {
  let stdout = '';
  let stderr = '';
  const prompts: string[] = [];
  return {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    prompt: scriptedPrompt(options.script ?? [':quit'], prompts),
    signal: options.signal,
    env: {},
    stdoutText: () => stdout,
    stderrText: () => stderr,
    prompts,
  };
}

/** An ExitPromptError the way inquirer throws it on Ctrl+C (matched by name, like inquirer's). */
export function ctrlC(): Error {
  const error = new Error('User force closed the prompt');
  error.name = 'ExitPromptError';
  return error;
}
