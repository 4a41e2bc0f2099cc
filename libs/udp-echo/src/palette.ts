// Colour for terminal output: chalk styles only when the stream is a TTY and NO_COLOR is unset
// (https://no-color.org), so pipes, files and tests always get plain text.

import { Chalk, type ChalkInstance } from 'chalk';

export type Palette = ChalkInstance;

export interface MaybeTty {
  readonly isTTY?: boolean;
}

export function paletteFor(stream: MaybeTty, env: NodeJS.ProcessEnv = process.env): Palette {
  const colour = stream.isTTY === true && !env['NO_COLOR'];
  return new Chalk({ level: colour ? 1 : 0 });
}
