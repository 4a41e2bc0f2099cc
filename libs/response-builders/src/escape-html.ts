// Escapes text for HTML element content and quoted attribute values alike.

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const SPECIAL = /[&<>"']/g;

/** Replaces & < > " ' with entities, so the text can neither open a tag nor leave an attribute. */
export function escapeHtml(text: string): string {
  return text.replace(SPECIAL, (ch) => ENTITIES[ch] as string);
}
