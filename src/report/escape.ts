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

// Bidi controls can make a line read differently from what it is ("Trojan Source"); control
// characters and line breaks could start a new line, and so a closing fence.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_IN_CODE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]+/g;

/** Untrusted text for one line of a terminal: control and bidi characters (escape sequences) become a space. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE_IN_CODE, ' ');
}

/**
 * Makes untrusted text safe for one line inside a fenced code block, where Markdown and HTML are
 * not interpreted (so no entities): control and bidi characters become a space, and angle brackets
 * become look-alikes so no tag ever appears raw, even if a renderer got the fence wrong. Lines we
 * render there always start with a diff marker, so no text can close the fence.
 */
export function codeText(text: string): string {
  return text.replace(UNSAFE_IN_CODE, ' ').replace(/</g, '‹').replace(/>/g, '›');
}
