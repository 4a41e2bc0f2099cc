// The three questions the REPL asks, as an interface: the real one is @inquirer/prompts
// (inquirer-prompts.ts), tests pass scripted answers. Validation stays in the REPL, so tests
// exercise it too.

export type Validate = (value: string) => true | string;

export interface Choice<T> {
  readonly name: string;
  readonly value: T;
  readonly description?: string;
}

export interface Prompts {
  input(question: { readonly message: string; readonly default?: string; readonly validate?: Validate }): Promise<string>;
  select<T>(question: { readonly message: string; readonly choices: readonly Choice<T>[]; readonly default?: T }): Promise<T>;
  password(question: { readonly message: string }): Promise<string>;
}

/** Ctrl-C or Ctrl-D inside a prompt: inquirer rejects with ExitPromptError; the REPL ends. */
export function isPromptExit(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}
