// Refuses to run on a Node.js older than the one this repo pins (reusePort needs >= 22.12).

export const MINIMUM_NODE = Object.freeze({ major: 22, minor: 12 });

/** True when `version` (like "22.12.0" or "v20.20.2") is at least MINIMUM_NODE. */
export function isSupportedNode(version: string): boolean {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  return major > MINIMUM_NODE.major || (major === MINIMUM_NODE.major && minor >= MINIMUM_NODE.minor);
}

/** Prints what to do and exits 1 when the running Node is too old. */
export function assertSupportedNode(version: string = process.versions.node): void {
  if (isSupportedNode(version)) return;
  process.stderr.write(
    `error: Node.js ${version} is too old; this project needs >= ${MINIMUM_NODE.major}.${MINIMUM_NODE.minor}. ` +
      'Run it through npm (`npm run ...` / `npx nx ...`) to use the pinned node_modules/.bin/node, ' +
      'or run `node_modules/.bin/node dist/apps/<app>/main.js`.\n',
  );
  process.exit(1);
}
