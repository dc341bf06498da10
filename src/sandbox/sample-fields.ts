// `fields` for the sample company: the worked example in docs/fields.md (the demo passes it) and the
// benchmark's six extra mapped fields. One place, so the docs, the demo and the bench agree (a
// test checks docs/fields.md shows this text).

/** The worked example of docs/fields.md: levels through a map, a custom attribute, birthday, cost center, mentors as additional managers, gender off. */
export const EXAMPLE_FIELDS = `fields:
  gender: off # never read from Personio, never written
  birthday: date_of_birth # a universal id: the action finds its key (dynamic_180883)
  level: # Personio's L1…L5 as Leapsome levels
    from: dynamic_1146703
    map: { L1: Junior, L2: Intermediate, L3: Senior, L4: Lead, L5: Principal }
    default: Unassigned # an empty value, or one the map does not list
  cost-center: cost_centers # the cost center with the highest percentage
  additional-managers: dynamic_1146710 # mentors: Personio ids and work emails
  custom:
    6140868326541a4da586db0b: dynamic_1146704 # Skills (a tags attribute): "Go, SQL"
    6140868326541a4da586db0c: # Contract: set once, then Leapsome's to keep
      from: employment_type
      map: { internal: Employee, external: Freelancer }
      apply: on-create
`;

/** The benchmark's six extra fields, on top of the default five (by key, so no extra round trip). */
export const BENCH_FIELDS = `fields:
  birthday: dynamic_180883
  level:
    from: dynamic_1146703
    map: { L1: Junior, L2: Intermediate, L3: Senior, L4: Lead, L5: Principal }
    default: Unassigned
  division: subcompany
  cost-center: cost_centers
  additional-managers: dynamic_1146710
  custom:
    6140868326541a4da586db0b: dynamic_1146704
`;

/** How many fields BENCH_FIELDS maps beyond the default five. */
export const BENCH_EXTRA_FIELDS = 6;
