// Uploads across a fuzz run: every name a 201 announced, and what a finished upload file must
// look like (an `upload_*.json` name, complete valid UTF-8 JSON), for the per-case and final checks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Final upload names; temporaries (`.upload-*.tmp`) and anything else fail it. */
export const UPLOAD_NAME = /^upload_[^/\\]+\.json$/;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

export class UploadLedger {
  /** File names announced by 201 Location headers. */
  readonly announced = new Set<string>();
}

/** Why `uploads/<name>` is not a complete JSON document, or null when it is. */
export function uploadFileProblem(dir: string, name: string): string | null {
  try {
    JSON.parse(UTF8.decode(readFileSync(join(dir, name))));
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
