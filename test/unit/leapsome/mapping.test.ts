import { describe, expect, it } from 'vitest';
import {
  createUserBody,
  ENT,
  parseTeam,
  parseUser,
  patchTeamBody,
  patchUserBody,
  projectionOf,
  scimEquals,
} from '../../../src/leapsome/index.js';
import type { UserAttributes } from '../../../src/domain/types.js';
import { CREATE_USER_FIELDS } from '../../../src/domain/ports.js';

const specUser = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENT],
  id: '5ecba01fb567a5d046582027',
  externalId: '4711',
  userName: 'maria.schneider@example.com',
  name: { givenName: 'Maria', familyName: 'Schneider' },
  displayName: 'Mia Schneider',
  title: 'Senior Backend Engineer',
  active: true,
  emails: [{ primary: true, type: 'work', value: 'maria.schneider@example.com' }],
  groups: [{ value: 'team-1' }, { value: 'team-2' }, { value: 'team-1' }],
  manager: { value: 'top-level-manager' },
  meta: {
    created: '2024-01-01T00:00:00Z',
    location: 'https://api.leapsome.com/scim/v1/Users/5ecb',
    version: '1',
    lastModified: '2024-01-01T00:00:00Z',
  },
  [ENT]: {
    manager: { managerId: 'ent-manager', displayName: 'Jonas Weber' },
    additionalManagers: [],
    startDate: '2021-04-01',
    endDate: '',
    gender: 'Female',
    location: 'Munich',
    department: 'Engineering',
  },
};

const attributes: UserAttributes = {
  userName: 'ada@example.com',
  externalId: '1',
  givenName: 'Ada',
  familyName: 'Lovelace',
  displayName: 'Ada Lovelace',
  profile: { title: null, location: null, 'start-date': '2020-01-01', 'end-date': null, gender: 'female' },
};

describe('parseUser', () => {
  it('maps a documented user resource', () => {
    expect(parseUser(specUser)).toEqual({
      ok: true,
      value: {
        id: '5ecba01fb567a5d046582027',
        userName: 'maria.schneider@example.com',
        externalId: '4711',
        active: true,
        givenName: 'Maria',
        familyName: 'Schneider',
        displayName: 'Mia Schneider',
        managerId: 'ent-manager',
        profile: { title: 'Senior Backend Engineer', location: 'Munich', 'start-date': '2021-04-01', 'end-date': null, gender: 'female' },
        additionalManagerIds: [],
        teamIds: ['team-1', 'team-2'],
      },
    });
  });

  it('falls back to the top-level manager and reads "" as null', () => {
    const user = { ...specUser, externalId: '', title: '', [ENT]: { manager: { managerId: '' }, location: '' }, location: 'Berlin' };
    expect(parseUser(user)).toMatchObject({
      ok: true,
      value: { managerId: 'top-level-manager', externalId: null, profile: { title: null, location: 'Berlin' } },
    });
  });

  it('handles a minimal resource: missing active means active, no groups means no teams', () => {
    expect(parseUser({ id: 'u1', userName: 'a@example.com' })).toEqual({
      ok: true,
      value: {
        id: 'u1',
        userName: 'a@example.com',
        externalId: null,
        active: true,
        givenName: null,
        familyName: null,
        displayName: null,
        managerId: null,
        profile: { title: null, location: null, 'start-date': null, 'end-date': null, gender: null },
        additionalManagerIds: [],
        teamIds: [],
      },
    });
    expect(parseUser({ id: 'u1', userName: 'a@example.com', active: false })).toMatchObject({ value: { active: false } });
  });

  it('keeps the date part should a datetime come back', () => {
    expect(parseUser({ id: 'u1', userName: 'a@example.com', [ENT]: { startDate: '2021-04-01T00:00:00.000Z' } })).toMatchObject({
      value: { profile: { 'start-date': '2021-04-01' } },
    });
  });

  it('reads the owned extension fields and custom attributes, and keeps nothing else', () => {
    const owned = projectionOf([
      'level',
      'birthday',
      'division',
      'cost-center',
      'custom.6140868326541a4da586db0b',
      'custom.6140868326541a4da586db0c',
      'additional-managers',
    ]);
    const user = {
      id: 'u1',
      userName: 'a@example.com',
      title: 'Engineer',
      [ENT]: {
        level: 'Senior',
        birthday: '1983-08-18',
        division: 'Example GmbH',
        costCenter: 'CC-100',
        gender: 'female',
        '6140868326541A4DA586DB0B': 'Salary Class B',
        '6140868326541a4da586db0c': 3,
        '6140868326541a4da586db0d': 'not owned',
        additionalManagers: [{ managerId: 'm1', displayName: 'M One' }, { managerId: 'm2', displayName: 'M Two' }, 'm1'],
      },
    };
    expect(parseUser(user, owned)).toMatchObject({
      ok: true,
      value: {
        profile: {
          level: 'Senior',
          birthday: '1983-08-18',
          division: 'Example GmbH',
          'cost-center': 'CC-100',
          'custom.6140868326541a4da586db0b': 'Salary Class B',
          'custom.6140868326541a4da586db0c': '3',
        },
        additionalManagerIds: ['m1', 'm2'],
      },
    });
    const value = (parseUser(user, owned) as { value: { profile: object } }).value;
    expect(Object.keys(value.profile)).toEqual([
      'level',
      'birthday',
      'division',
      'cost-center',
      'custom.6140868326541a4da586db0b',
      'custom.6140868326541a4da586db0c',
    ]);
    expect(parseUser({ ...user, [ENT]: { ...user[ENT], '6140868326541a4da586db0b': ['x'] } }, owned)).toMatchObject({
      ok: false,
      rejected: { recordId: 'u1', reason: `${ENT}.6140868326541a4da586db0b: expected text` },
    });
    // Not owned: not even validated.
    expect(parseUser({ ...user, [ENT]: { ...user[ENT], '6140868326541a4da586db0b': ['x'] } })).toMatchObject({ ok: true });
  });

  it('rejects a resource with the field path and its id when readable', () => {
    expect(parseUser({ id: 'u9', userName: 'a@example.com', active: 'yes' })).toEqual({
      ok: false,
      rejected: { source: 'leapsome', recordId: 'u9', reason: 'active: expected boolean' },
    });
    expect(parseUser({ userName: 'a@example.com' })).toEqual({
      ok: false,
      rejected: { source: 'leapsome', recordId: null, reason: 'id: expected a non-empty id' },
    });
  });
});

describe('parseTeam', () => {
  it('maps a group and reads "" externalId as null', () => {
    expect(parseTeam({ id: 'g1', displayName: 'Sales', externalId: 'personio:department:1', members: [] })).toEqual({
      ok: true,
      value: { id: 'g1', displayName: 'Sales', externalId: 'personio:department:1' },
    });
    expect(parseTeam({ id: 'g1', displayName: 'Sales', externalId: '' })).toMatchObject({ value: { externalId: null } });
    expect(parseTeam({ id: 'g1' })).toMatchObject({
      ok: false,
      rejected: { recordId: 'g1', reason: 'displayName: missing (expected string)' },
    });
  });
});

describe('request bodies', () => {
  it('POST /Users carries only the documented fields', () => {
    expect(createUserBody(attributes)).toEqual({
      userName: 'ada@example.com',
      name: { givenName: 'Ada', familyName: 'Lovelace' },
      displayName: 'Ada Lovelace',
      externalId: '1',
    });
    expect(createUserBody({ ...attributes, profile: { title: 'Engineer' } })).toMatchObject({ title: 'Engineer' });
  });

  it('POST /Users carries exactly the fields the applier expects it to (so its write count is right)', () => {
    const profile = {
      title: 'Engineer',
      'start-date': '2024-01-01',
      'end-date': '2025-01-01',
      location: 'Berlin',
      gender: 'female',
      level: 'Senior',
      birthday: '1983-08-18',
      'custom.6140868326541a4da586db0b': 'Go',
    };
    const full: UserAttributes = { ...attributes, profile };
    const body = JSON.stringify(createUserBody(full));
    const identity = (['userName', 'externalId', 'givenName', 'familyName', 'displayName'] as const).filter((name) =>
      body.includes(JSON.stringify(full[name])),
    );
    const fields = Object.entries(profile)
      .filter(([, value]) => body.includes(JSON.stringify(value)))
      .map(([name]) => name);
    expect(new Set([...identity, ...fields])).toEqual(CREATE_USER_FIELDS);
  });

  it('PATCH /Users is a partial resource with userName, the enterprise extension and "" for null', () => {
    expect(patchUserBody({ userName: 'ada@example.com', attributes, manager: 'boss@example.com', active: true })).toEqual({
      userName: 'ada@example.com',
      name: { givenName: 'Ada', familyName: 'Lovelace' },
      displayName: 'Ada Lovelace',
      title: '',
      externalId: '1',
      location: '',
      active: true,
      [ENT]: { location: '', startDate: '2020-01-01', endDate: '', gender: 'female', manager: 'boss@example.com' },
    });
  });

  it('PATCH /Users writes every profile field where Leapsome takes it, and additional managers as a list of ids', () => {
    const profile = {
      birthday: '1983-08-18',
      level: 'Senior',
      division: null,
      'cost-center': 'CC-100',
      'custom.6140868326541a4da586db0b': 'Salary Class B',
      'custom.6140868326541a4da586db0c': null,
    };
    expect(patchUserBody({ userName: 'a@example.com', attributes: { profile }, additionalManagers: ['m1', 'm2'] })).toEqual({
      userName: 'a@example.com',
      [ENT]: {
        birthday: '1983-08-18',
        level: 'Senior',
        division: '',
        costCenter: 'CC-100',
        '6140868326541a4da586db0b': 'Salary Class B',
        '6140868326541a4da586db0c': '',
        additionalManagers: ['m1', 'm2'],
      },
    });
    expect(patchUserBody({ userName: 'a@example.com', additionalManagers: [] })).toEqual({
      userName: 'a@example.com',
      [ENT]: { additionalManagers: [] },
    });
  });

  it('PATCH /Users sends only what is given, always with userName', () => {
    expect(patchUserBody({ userName: 'ada@example.com', active: false })).toEqual({ userName: 'ada@example.com', active: false });
    expect(patchUserBody({ userName: 'ada@example.com', manager: null })).toEqual({ userName: 'ada@example.com', [ENT]: { manager: '' } });
    expect(patchUserBody({ userName: 'a@example.com', attributes: { profile: { location: 'Berlin' }, givenName: 'A' } })).toEqual({
      userName: 'a@example.com',
      name: { givenName: 'A' },
      location: 'Berlin',
      [ENT]: { location: 'Berlin' },
    });
    expect(() => patchUserBody({ userName: 'a@example.com', attributes: { userName: 'b@example.com' } })).toThrow(TypeError);
  });

  it('PATCH /Groups wraps member ids and refuses more than 100', () => {
    expect(patchTeamBody({ members: ['u1', 'u2'], replaceMembers: true })).toEqual({
      members: [{ value: 'u1' }, { value: 'u2' }],
      replaceMembers: true,
    });
    expect(patchTeamBody({ displayName: 'Sales', externalId: 'x' })).toEqual({ displayName: 'Sales', externalId: 'x' });
    expect(() => patchTeamBody({ members: Array.from({ length: 101 }, (_, i) => `u${i}`) })).toThrow(RangeError);
  });

  it('quotes and escapes SCIM filter values', () => {
    expect(scimEquals('userName', 'ada@example.com')).toBe('userName eq "ada@example.com"');
    expect(scimEquals('displayName', 'R&D "Labs" \\ Ops')).toBe('displayName eq "R&D \\"Labs\\" \\\\ Ops"');
  });
});
