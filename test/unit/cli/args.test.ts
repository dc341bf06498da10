import { describe, expect, it } from 'vitest';
import {
  commandHelp,
  FLAG_HELP,
  mainHelp,
  parseInvocation,
  SECRETS_FROM_ENV,
  UsageError,
  type RunInvocation,
} from '../../../src/cli/args.js';
import { INPUT_DEFAULTS, isSecretInput } from '../../../src/settings/settings.js';

const run = (argv: string[]): RunInvocation => {
  const invocation = parseInvocation(argv);
  if (invocation.kind !== 'run') throw new Error(`expected a run, got ${invocation.kind}`);
  return invocation;
};

describe('parseInvocation', () => {
  it('takes a subcommand and the action inputs as flags of the same name', () => {
    expect(run(['plan', '--statuses', 'active,onboarding', '--teams-from=department,office', '--max-deactivations', '10%'])).toMatchObject({
      command: 'plan',
      inputs: { statuses: 'active,onboarding', 'teams-from': 'department,office', 'max-deactivations': '10%' },
      json: false,
      full: false,
      out: null,
    });
    expect(run(['apply', '--plan-file', 'plan.json', '--json', '--full'])).toMatchObject({
      command: 'apply',
      inputs: { 'plan-file': 'plan.json' },
      json: true,
      full: true,
      yes: false,
    });
    expect(run(['apply', '--yes']).yes).toBe(true);
    expect(() => parseInvocation(['plan', '--yes'])).toThrow(UsageError);
  });

  it("reads boolean inputs as switches, in the inputs' spelling too", () => {
    expect(run(['plan', '--auto-invite', '--no-cache']).inputs).toEqual({ 'auto-invite': 'true', cache: 'false' });
    expect(run(['plan', '--cache=false', '--auto-invite=true']).inputs).toEqual({ 'auto-invite': 'true', cache: 'false' });
  });

  it('joins a repeated list flag the way the input is written', () => {
    expect(
      run(['plan', '--exclude', 'email:*@ext.example.com', '--exclude', 'department:Board', '--statuses', 'active', '--statuses', 'leave'])
        .inputs,
    ).toEqual({
      exclude: 'email:*@ext.example.com\ndepartment:Board',
      statuses: 'active,leave',
    });
  });

  it('refuses secrets as flags, naming the environment variable to use', () => {
    for (const [flag, variable] of [
      ['--leapsome-scim-token', 'LEAPSOME_SCIM_TOKEN'],
      ['--personio-client-secret=abc', 'PERSONIO_CLIENT_SECRET'],
      ['--personio-client-id', 'PERSONIO_CLIENT_ID'],
      ['--snapshot-key', 'PERSONIO_LEAPSOME_SYNC_SNAPSHOT_KEY'],
    ] as const) {
      expect(() => parseInvocation(['apply', flag, 'abc'])).toThrow(variable);
    }
    expect(() => parseInvocation(['plan', '--github-token', 'x'])).toThrow(UsageError);
  });

  it('rejects what a command does not take, unknown flags, stray arguments and a missing command', () => {
    expect(() => parseInvocation(['plan', '--plan-file', 'x.json'])).toThrow('plan does not take --plan-file');
    expect(() => parseInvocation(['plan', '--dryrun'])).toThrow("Unknown option '--dryrun'");
    expect(() => parseInvocation(['plan', 'extra'])).toThrow(UsageError);
    expect(() => parseInvocation(['sync'])).toThrow('unknown command "sync"');
    expect(() => parseInvocation(['--dry-run'])).toThrow('flags come after a command');
  });

  it('answers --help per command, help <command> and --version', () => {
    expect(parseInvocation([])).toEqual({ kind: 'help', text: mainHelp() });
    expect(parseInvocation(['apply', '--help'])).toEqual({ kind: 'help', text: commandHelp('apply') });
    expect(parseInvocation(['help', 'plan'])).toEqual({ kind: 'help', text: commandHelp('plan') });
    expect(parseInvocation(['--version'])).toEqual({ kind: 'version' });
  });
});

describe('help', () => {
  it('documents every action input as a flag or an environment variable, and the exit codes', () => {
    const help = `${mainHelp()}\n${commandHelp('plan')}\n${commandHelp('apply')}`;
    for (const name of Object.keys(INPUT_DEFAULTS)) {
      if (name === 'github-token') continue; // pull-request comments: GitHub only
      const variable = SECRETS_FROM_ENV[name as keyof typeof SECRETS_FROM_ENV];
      if (variable !== undefined) expect(help).toContain(variable);
      else {
        expect(isSecretInput(name)).toBe(false);
        expect(help).toContain(`--${name}`);
        expect(FLAG_HELP[name], `a one-line description of --${name}`).toBeTruthy();
      }
    }
    for (const code of ['0  done', '1  some records failed', '2  usage or configuration error']) expect(mainHelp()).toContain(code);
    expect(commandHelp('apply')).toContain('--plan-file <value>');
    expect(commandHelp('plan')).toContain('--no-cache');
    expect(commandHelp('plan')).not.toContain('--plan-file <value>');
  });
});
