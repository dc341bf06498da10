import { describe, expect, it } from 'vitest';
import { inputsFromArgs } from '../../../src/cli/args.js';

describe('inputsFromArgs', () => {
  it('maps flags to action inputs; a bare flag means true', () => {
    expect(inputsFromArgs(['--dry-run', '--statuses', 'active,onboarding', '--teams-from=department,office'])).toEqual({
      'dry-run': 'true',
      statuses: 'active,onboarding',
      'teams-from': 'department,office',
    });
  });

  it('rejects unknown options and stray arguments', () => {
    expect(() => inputsFromArgs(['--dryrun'])).toThrow('unknown option --dryrun');
    expect(() => inputsFromArgs(['sync'])).toThrow('unexpected argument');
  });

  it('refuses secrets on the command line, where they would land in shell history', () => {
    expect(() => inputsFromArgs(['--leapsome-scim-token', 'abc'])).toThrow('LEAPSOME_SCIM_TOKEN');
    expect(() => inputsFromArgs(['--snapshot-key=abc'])).toThrow('is a secret');
    expect(() => inputsFromArgs(['--github-token', 'abc'])).toThrow('is a secret');
  });
});
