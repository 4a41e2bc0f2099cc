// The REPL's prompts on a real terminal, through @inquirer/prompts. Kept apart from prompts.ts
// so that code and tests which only need the interface never load inquirer.
import { input, password, select } from '@inquirer/prompts';
import type { Choice, Prompts } from './prompts';

export const inquirerPrompts: Prompts = {
  input: (question) =>
    input({
      message: question.message,
      ...(question.default !== undefined ? { default: question.default } : {}),
      ...(question.validate !== undefined ? { validate: question.validate } : {}),
    }),
  select: <T>(question: { readonly message: string; readonly choices: readonly Choice<T>[]; readonly default?: T }) =>
    select<T>({
      message: question.message,
      choices: question.choices.map((choice) => ({ ...choice })),
      pageSize: 12,
      ...(question.default !== undefined ? { default: question.default } : {}),
    }),
  password: (question) => password({ message: question.message, mask: '*' }),
};
