export { createPersonioClient, PERSONIO_LIMITS, type PersonioClient, type PersonioClientOptions, type ValueCounts } from './client.js';
export { ConfigurationError, MissingAttributesError, READABLE_ATTRIBUTES_HINT, type UnreadableAttribute } from './errors.js';
export { FIXED_KEYS, queryWithoutList, resolveSources, type AttributeNeed } from './sources.js';
export { parseEmployeeRecord, type RecordResult } from './employee.js';
