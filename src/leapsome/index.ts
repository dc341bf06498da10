export { createLeapsomeClient, LEAPSOME_LIMITS, type LeapsomeClient, type LeapsomeClientOptions } from './client.js';
export { ExistingResourceNotFoundError } from './errors.js';
export {
  createUserBody,
  MAX_MEMBERS_PER_PATCH,
  parseTeam,
  parseUser,
  patchTeamBody,
  patchUserBody,
  scimEquals,
  type TeamPatch,
  type UserPatch,
} from './mapping.js';
export { ENT } from './wire.js';
