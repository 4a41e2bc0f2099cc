// Colour only for people: none when the stream is not a terminal or NO_COLOR is set
// (https://no-color.org), whatever chalk would guess from the environment.
import chalk, { Chalk, type ChalkInstance } from 'chalk';

export function chalkFor(stream: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): ChalkInstance {
  const noColour = env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '';
  if (noColour || stream.isTTY !== true) return new Chalk({ level: 0 });
  return new Chalk({ level: chalk.level === 0 ? 1 : chalk.level });
}
