// Lines for a terminal: styled pieces (colour only when asked for), the width a string takes on
// screen, and word wrapping with a hanging indent so long lines fit the terminal.
import { eastAsianWidth } from 'get-east-asian-width';
import { styleText } from 'node:util';

export type Style = 'add' | 'change' | 'remove' | 'heading' | 'muted' | 'error' | 'warning' | 'old' | 'new';

type Format = Parameters<typeof styleText>[0];

// One format per call: arrays of formats are newer than the oldest Node we support.
const FORMATS: Readonly<Record<Style, readonly Format[]>> = {
  add: ['green'],
  change: ['yellow'],
  remove: ['red'],
  heading: ['bold'],
  muted: ['dim'],
  error: ['red', 'bold'],
  warning: ['yellow', 'bold'],
  old: ['red'],
  new: ['green'],
};

export interface Piece {
  readonly text: string;
  readonly style?: Style | null;
}

export interface Look {
  /** Colour and emphasis (ANSI escape sequences); decided by the caller (a TTY, no NO_COLOR). */
  readonly colour: boolean;
  /** Columns to fit, or null to leave lines as long as they are (output to a file or a pipe). */
  readonly width: number | null;
}

/**
 * Styles text. Node's styleText would decide by itself, looking at stdout, whether colour is
 * wanted (and versions differ in whether they look); the caller has decided that already.
 */
export function paint(look: Pick<Look, 'colour'>, style: Style | null | undefined, text: string): string {
  if (!look.colour || style === null || style === undefined || text === '') return text;
  return FORMATS[style].reduceRight((inner, format) => styleText(format, inner, { validateStream: false }), text);
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}]/u;

function graphemeWidth(grapheme: string): number {
  const cp = grapheme.codePointAt(0) ?? 0;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || ZERO_WIDTH.test(grapheme)) return 0;
  // Wide and fullwidth characters (CJK, most emoji) take two columns, per Unicode's East Asian Width
  // data (https://www.unicode.org/reports/tr11/); ambiguous ones one, as terminals outside East Asia show them.
  return eastAsianWidth(cp, { ambiguousAsWide: false });
}

/** Columns a string takes on screen (without escape sequences): graphemes, wide characters as two. */
export function displayWidth(text: string): number {
  // Plain printable ASCII, the common case, is measured directly.
  if (/^[\u0020-\u007e]*$/.test(text)) return text.length;
  let width = 0;
  for (const { segment } of segmenter.segment(text)) width += graphemeWidth(segment);
  return width;
}

/** Cuts text to at most `width` columns, ending in "…" when something was cut. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const w = graphemeWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

interface Token {
  readonly text: string;
  readonly style: Style | null;
  readonly space: boolean;
}

function tokens(pieces: readonly Piece[]): Token[] {
  const out: Token[] = [];
  for (const piece of pieces) {
    for (const part of piece.text.split(/( +)/)) {
      if (part !== '') out.push({ text: part, style: piece.style ?? null, space: part.startsWith(' ') });
    }
  }
  return out;
}

/** Splits a word longer than a line into line-sized parts. */
function hardSplit(word: string, first: number, rest: number): string[] {
  const parts: string[] = [];
  let current = '';
  let used = 0;
  let room = Math.max(1, first);
  for (const { segment } of segmenter.segment(word)) {
    const w = graphemeWidth(segment);
    if (used + w > room && current !== '') {
      parts.push(current);
      current = '';
      used = 0;
      room = Math.max(1, rest);
    }
    current += segment;
    used += w;
  }
  if (current !== '') parts.push(current);
  return parts;
}

function renderTokens(look: Look, line: readonly Token[]): string {
  let out = '';
  let run = '';
  let runStyle: Style | null = null;
  for (const token of line) {
    // Spaces take the style of the run they are in, so a coloured line is not broken up.
    if (token.style !== runStyle && !token.space) {
      out += paint(look, runStyle, run);
      run = '';
      runStyle = token.style;
    }
    run += token.text;
  }
  return (out + paint(look, runStyle, run)).replace(/\s+$/, '');
}

/**
 * Lays out one logical line: `prefix` (a marker, an indent) then `body`, wrapped at spaces to fit
 * `look.width`; continuation lines start with `hang` spaces. Without a width the line stays whole.
 */
export function layout(look: Look, prefix: readonly Piece[], body: readonly Piece[], hang: number): string[] {
  const head = tokens(prefix);
  const words = tokens(body);
  if (look.width === null) return [renderTokens(look, [...head, ...words])];
  const width = Math.max(20, look.width);
  const lines: Token[][] = [];
  let line: Token[] = [...head];
  let used = head.reduce((sum, t) => sum + displayWidth(t.text), 0);
  let pending: Token[] = [];
  const indent: Token = { text: ' '.repeat(hang), style: null, space: true };
  const newLine = (): void => {
    lines.push(line);
    line = [indent];
    used = hang;
    pending = [];
  };
  for (const token of words) {
    if (token.space) {
      pending.push(token);
      continue;
    }
    const gap = pending.reduce((sum, t) => sum + t.text.length, 0);
    const w = displayWidth(token.text);
    if (used + gap + w <= width) {
      line.push(...pending, token);
      used += gap + w;
      pending = [];
      continue;
    }
    if (used > hang) newLine();
    else pending = [];
    if (hang + w <= width) {
      line.push(token);
      used += w;
      continue;
    }
    const parts = hardSplit(token.text, width - used, width - hang);
    parts.forEach((part, i) => {
      if (i > 0) newLine();
      line.push({ ...token, text: part });
      used += displayWidth(part);
    });
  }
  lines.push(line);
  return lines.map((l) => renderTokens(look, l));
}
