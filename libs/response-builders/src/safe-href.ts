// Link targets for generated pages: only http, https, mailto and relative URLs survive, so a
// `javascript:` or `data:` URL (however disguised) cannot run script from one of our pages.

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);
export const UNSAFE_HREF_REPLACEMENT = '#';

/**
 * `href` itself (trimmed) when it is safe, else `#`. Browsers drop tabs and newlines anywhere
 * in a URL and skip leading controls (WHATWG URL), so `java\tscript:` is refused outright: any
 * control character makes the href unsafe. Escape the result like any attribute value.
 */
export function safeHref(href: string): string {
  const trimmed = href.trim();
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return UNSAFE_HREF_REPLACEMENT;
  }
  // A colon before any '/', '?' or '#' ends a scheme; without one the URL is relative.
  for (let i = 0; i < trimmed.length; i++) {
    const ch = trimmed[i];
    if (ch === '/' || ch === '?' || ch === '#') return trimmed;
    if (ch === ':') {
      return ALLOWED_SCHEMES.has(trimmed.slice(0, i).toLowerCase()) ? trimmed : UNSAFE_HREF_REPLACEMENT;
    }
  }
  return trimmed;
}
