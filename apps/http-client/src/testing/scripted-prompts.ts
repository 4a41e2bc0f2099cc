// Prompts answered from a script, for driving the REPL in tests. Validation runs as in the real
// prompt: a rejected answer is recorded and the next scripted answer is tried for the same question.
import type { Choice, Prompts, Validate } from '../prompts';

export type Step =
  | { readonly input: string; readonly message?: RegExp }
  | { readonly select: unknown; readonly message?: RegExp }
  | { readonly password: string; readonly message?: RegExp };

export class ScriptExhausted extends Error {
  override readonly name = 'ExitPromptError'; // what inquirer throws on Ctrl-D / Ctrl-C
}

export class ScriptedPrompts implements Prompts {
  /** Every question asked, in order. */
  readonly asked: string[] = [];
  /** Messages a validate function returned for rejected answers. */
  readonly rejections: string[] = [];
  /** Choices offered by the last select. */
  lastChoices: readonly Choice<unknown>[] = [];

  constructor(private readonly steps: Step[]) {}

  get remaining(): number {
    return this.steps.length;
  }

  async input(question: { message: string; default?: string; validate?: Validate }): Promise<string> {
    this.asked.push(question.message);
    // Bounded by the script: every pass consumes one step.
    for (;;) {
      const step = this.next('input', question.message);
      const answer = (step as { input: string }).input === '' && question.default !== undefined ? question.default : (step as { input: string }).input;
      const verdict = question.validate?.(answer) ?? true;
      if (verdict === true) return answer;
      this.rejections.push(verdict);
    }
  }

  async select<T>(question: { message: string; choices: readonly Choice<T>[]; default?: T }): Promise<T> {
    this.asked.push(question.message);
    this.lastChoices = question.choices;
    const value = (this.next('select', question.message) as { select: unknown }).select as T;
    if (!question.choices.some((choice) => choice.value === value)) {
      throw new Error(`"${String(value)}" is not a choice of "${question.message}"`);
    }
    return value;
  }

  async password(question: { message: string }): Promise<string> {
    this.asked.push(question.message);
    return (this.next('password', question.message) as { password: string }).password;
  }

  private next(kind: 'input' | 'select' | 'password', message: string): Step {
    const step = this.steps.shift();
    if (step === undefined) throw new ScriptExhausted('script finished');
    if (!(kind in step)) throw new Error(`script expected ${Object.keys(step)[0]}, the REPL asked ${kind}: "${message}"`);
    if (step.message !== undefined && !step.message.test(message)) throw new Error(`question "${message}" does not match ${step.message}`);
    return step;
  }
}
