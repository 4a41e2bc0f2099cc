import { PassThrough } from 'node:stream';
import { linePrompt } from './line-prompt';

describe('linePrompt', () => {
  it('returns one line per prompt, then ends with InputEndedError', async () => {
    const input = new PassThrough();
    const { prompt, close } = linePrompt(input);
    input.end('hello\r\n:stats\nlast line without newline');
    await expect(prompt('udp>')).resolves.toBe('hello');
    await expect(prompt('udp>')).resolves.toBe(':stats');
    await expect(prompt('udp>')).resolves.toBe('last line without newline');
    await expect(prompt('udp>')).rejects.toMatchObject({ name: 'InputEndedError' });
    close();
  });

  it('rejects a waiting prompt with AbortPromptError when the signal aborts', async () => {
    const input = new PassThrough();
    const controller = new AbortController();
    const { prompt, close } = linePrompt(input, controller.signal);
    const waiting = prompt('udp>');
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortPromptError' });
    await expect(prompt('udp>')).rejects.toMatchObject({ name: 'AbortPromptError' });
    close();
  });
});
