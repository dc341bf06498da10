// Leapsome said a user or team exists (409 or `201 {}`) but a lookup cannot find it: maybe a
// different email casing, a resource outside the token's scope, or a lagging index.
export class ExistingResourceNotFoundError extends Error {
  readonly endpoint: string;

  constructor(resource: 'user' | 'team', endpoint: string) {
    super(
      `leapsome ${endpoint}: Leapsome reports that this ${resource} already exists, but looking it up by ${
        resource === 'user' ? 'userName' : 'displayName'
      } found nothing`,
    );
    this.name = 'ExistingResourceNotFoundError';
    this.endpoint = endpoint;
  }
}
