// Where the command line writes: the report (or the JSON document) on stdout; logs, warnings and
// progress on stderr. In a terminal, progress is one line updated in place (readline's cursor
// moves), and anything else written to stderr first clears it and then draws it again; elsewhere
// (a pipe, a file, a CI log) progress is a bounded number of plain lines.
import { clearLine, cursorTo } from 'node:readline';
import { logLinesView } from '../progress/log-lines.js';
import {
  createProgress,
  progressDoneText,
  progressText,
  type Progress,
  type ProgressState,
  type ProgressView,
} from '../progress/progress.js';
import { layout, paint, truncate, type Look, type Piece, type Style } from '../report/text-layout.js';

export interface OutputStream {
  write(text: string): boolean;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org) or TERM is dumb. */
export function wantsColour(stream: OutputStream, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && (env.NO_COLOR ?? '') === '' && env.TERM !== 'dumb';
}

/** The terminal's width; null (lines left whole) when the output is not a terminal. */
export function widthOf(stream: OutputStream, env: NodeJS.ProcessEnv): number | null {
  if (stream.isTTY !== true) return null;
  const columns = stream.columns ?? Number(env.COLUMNS);
  return Number.isFinite(columns) && columns > 0 ? columns : 80;
}

export function lookOf(stream: OutputStream, env: NodeJS.ProcessEnv): Look {
  return { colour: wantsColour(stream, env), width: widthOf(stream, env) };
}

/** How often the in-place line may be redrawn (and is, to keep "time left" fresh). */
const REDRAW_MS = 100;
const REFRESH_MS = 1_000;

export interface Console {
  /** The report's look (stdout). */
  readonly look: Look;
  out(text: string): void;
  /** A plain line on stderr (a config file problem as file:line: key: problem). */
  line(text: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  readonly progress: Progress;
  /** Stops the progress line's timer; call once at the end. */
  close(): void;
}

export function createConsole(stdout: OutputStream, stderr: OutputStream, env: NodeJS.ProcessEnv, clock: () => number = Date.now): Console {
  const look = lookOf(stdout, env);
  const errLook = lookOf(stderr, env);
  let line: InPlaceLine | null = null;
  const writeErr = (text: string): void => {
    if (line !== null) line.around(() => stderr.write(text));
    else stderr.write(text);
  };
  const styled = (style: Style | null, prefix: string, message: string): void => {
    const hang = prefix === '' ? 2 : prefix.length + 1;
    const label: Piece[] = prefix === '' ? [] : [{ text: prefix, style }, { text: ' ' }];
    // Only the first line gets the label; the others line up under its text.
    const lines = message
      .split('\n')
      .flatMap((text, i) =>
        layout(errLook, i === 0 ? label : [{ text: ' '.repeat(hang) }], [{ text, style: prefix === '' ? 'muted' : null }], hang),
      );
    writeErr(`${lines.join('\n')}\n`);
  };
  let view: ProgressView;
  if (stderr.isTTY === true) {
    line = new InPlaceLine(stderr, errLook, clock);
    view = line;
  } else {
    view = logLinesView((text) => stderr.write(`${text}\n`));
  }
  return {
    look,
    out: (text) => {
      if (line !== null && stdout.isTTY === true) line.around(() => stdout.write(text));
      else stdout.write(text);
    },
    line: (text) => writeErr(`${layout(errLook, [], [{ text }], 2).join('\n')}\n`),
    info: (message) => styled(null, '', message),
    warning: (message) => styled('warning', 'warning:', message),
    error: (message) => styled('error', 'error:', message),
    progress: createProgress([view], clock),
    close: () => line?.close(),
  };
}

/** One line at the bottom of the terminal, rewritten in place as the phase advances. */
class InPlaceLine implements ProgressView {
  private state: ProgressState | null = null;
  private shown = false;
  private drawnAt = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly stream: OutputStream,
    private readonly look: Look,
    private readonly clock: () => number,
  ) {}

  update(state: ProgressState): void {
    this.state = state;
    if (this.timer === null) {
      // Redraws with a fresh rate and time left even while nothing completes (a 429 pause).
      this.timer = setInterval(() => this.draw(), REFRESH_MS);
      this.timer.unref();
    }
    if (!this.shown || this.clock() - this.drawnAt >= REDRAW_MS) this.draw();
  }

  end(state: ProgressState): void {
    const wasShown = this.shown;
    this.clear();
    this.state = null;
    this.stopTimer();
    // A phase that was worth watching leaves one line behind saying how it went.
    if (wasShown && state.elapsedMs >= 1_000) this.stream.write(`${paint(this.look, 'muted', progressDoneText(state))}\n`);
  }

  /** Writes something else to the terminal without tearing the progress line. */
  around(write: () => void): void {
    const wasShown = this.shown;
    this.clear();
    write();
    if (wasShown) this.draw();
  }

  close(): void {
    this.clear();
    this.stopTimer();
  }

  private draw(): void {
    if (this.state === null) return;
    const width = this.look.width ?? 80;
    // One column short of the width, so the terminal never wraps the line.
    const text = truncate(progressText(this.state), Math.max(10, width - 1));
    cursorTo(this.stream as NodeJS.WritableStream, 0);
    this.stream.write(paint(this.look, 'muted', text));
    clearLine(this.stream as NodeJS.WritableStream, 1);
    this.shown = true;
    this.drawnAt = this.clock();
  }

  private clear(): void {
    if (!this.shown) return;
    cursorTo(this.stream as NodeJS.WritableStream, 0);
    clearLine(this.stream as NodeJS.WritableStream, 0);
    this.shown = false;
  }

  private stopTimer(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}
