// Text from Personio or Leapsome ends up inside Markdown tables rendered as HTML on GitHub.
// Entity-encode everything that could open a tag, a link, emphasis or a new cell, so a name like
// `<img src=x onerror=…>` or `a | b` is shown literally and cannot break or inject anything.
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '|': '&#124;',
  '`': '&#96;',
  '*': '&#42;',
  _: '&#95;',
  '[': '&#91;',
  ']': '&#93;',
  '\\': '&#92;',
  '~': '&#126;',
  '#': '&#35;',
  '!': '&#33;',
  '@': '&#64;',
  ':': '&#58;',
};

/** Escapes untrusted text for a Markdown table cell or inline HTML; newlines become spaces. */
export function escapeText(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(/[&<>"'|`*_[\]\\~#!@:]/g, (ch) => ENTITIES[ch] ?? ch);
}
