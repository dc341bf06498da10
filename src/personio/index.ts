export { createPersonioClient, PERSONIO_LIMITS, type PersonioClient, type PersonioClientOptions } from './client.js';
export { ConfigurationError, MissingAttributesError, READABLE_ATTRIBUTES_HINT } from './errors.js';
export { parseEmployeeRecord, type RecordResult } from './employee.js';
