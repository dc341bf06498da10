export { createLeapsomeClient, LEAPSOME_LIMITS, type LeapsomeClient, type LeapsomeClientOptions } from './client.js';
export { ExistingResourceNotFoundError } from './errors.js';
export {
  createUserBody,
  DEFAULT_PROJECTION,
  MAX_MEMBERS_PER_PATCH,
  parseTeam,
  parseUser,
  patchTeamBody,
  patchUserBody,
  projectionOf,
  scimEquals,
  type TeamPatch,
  type UserPatch,
  type UserProjection,
} from './mapping.js';
export { ENT } from './wire.js';
