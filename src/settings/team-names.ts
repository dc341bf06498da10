// The validated `team-names` key -> the mappings the planner uses, each remembering its line.
import type { TeamNameMapping, TeamSource } from '../domain/types.js';
import type { ConfigFile } from './config-file.js';
import { TEAM_NAME_KEY } from './team-names-schema.js';

export function readTeamNames(config: ConfigFile | null): TeamNameMapping[] {
  const names = config?.structured['team-names'] ?? {};
  const mappings: TeamNameMapping[] = [];
  for (const [key, leapsomeName] of Object.entries(names)) {
    const match = TEAM_NAME_KEY.exec(key);
    if (match === null || config === null) continue; // the schema has rejected it already
    mappings.push({
      source: match[1] as TeamSource,
      personioName: (match[2] ?? '').trim(),
      leapsomeName: leapsomeName.trim(),
      origin: config.locate(['team-names', key]),
    });
  }
  return mappings;
}
