// Bridges the lib's parsers to commander: a UDP_ECHO_BAD_ARGUMENT becomes commander's
// InvalidArgumentError, which it prints as one line naming the flag (the CLIs then exit 2).

import { InvalidArgumentError } from 'commander';
import { isUdpEchoError } from './errors';

export function cliFlag<T>(parse: (text: string) => T): (text: string) => T {
  return (text) => {
    try {
      return parse(text);
    } catch (error) {
      if (isUdpEchoError(error, 'UDP_ECHO_BAD_ARGUMENT')) throw new InvalidArgumentError(error.message);
      throw error;
    }
  };
}
