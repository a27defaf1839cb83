/**
 * Every error code the API can answer, and its HTTP status. One exhaustive switch: adding a
 * code without a status does not compile.
 */
export type ErrorCode =
  // 400
  | 'MALFORMED_REQUEST'
  | 'MALFORMED_JSON'
  // 401 / 403
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  // 404
  | 'NOT_FOUND'
  | 'ROUTE_NOT_FOUND'
  | 'API_KEY_NOT_FOUND'
  | 'CHANNEL_NOT_FOUND'
  | 'PLAN_NOT_FOUND'
  | 'FORECAST_VERSION_NOT_FOUND'
  | 'JOB_NOT_FOUND'
  | 'UPLOAD_NOT_FOUND'
  | 'IMPORT_MAPPING_NOT_FOUND'
  // 409
  | 'CONFLICT'
  | 'CHANNEL_IN_USE'
  | 'LAST_ADMIN_KEY'
  | 'FORECAST_IN_USE'
  // 413 / 415
  | 'PAYLOAD_TOO_LARGE'
  | 'TOO_MANY_INTERVALS'
  | 'UNSUPPORTED_MEDIA_TYPE'
  // 422
  | 'VALIDATION_FAILED'
  | 'INVALID_INTERVALS'
  | 'GOAL_UNREACHABLE'
  | 'INVALID_ROWS'
  | 'EMPTY_UPLOAD'
  | 'UNKNOWN_CHANNELS'
  | 'INSUFFICIENT_HISTORY'
  // 429 / 5xx
  | 'RATE_LIMITED'
  | 'INTERNAL_ERROR'
  | 'DATABASE_UNAVAILABLE'
  | 'SHUTTING_DOWN'
  | 'JOB_INTERRUPTED';

export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'MALFORMED_REQUEST':
    case 'MALFORMED_JSON':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
    case 'ROUTE_NOT_FOUND':
    case 'API_KEY_NOT_FOUND':
    case 'CHANNEL_NOT_FOUND':
    case 'PLAN_NOT_FOUND':
    case 'FORECAST_VERSION_NOT_FOUND':
    case 'JOB_NOT_FOUND':
    case 'UPLOAD_NOT_FOUND':
    case 'IMPORT_MAPPING_NOT_FOUND':
      return 404;
    case 'CONFLICT':
    case 'CHANNEL_IN_USE':
    case 'LAST_ADMIN_KEY':
    case 'FORECAST_IN_USE':
      return 409;
    case 'PAYLOAD_TOO_LARGE':
    case 'TOO_MANY_INTERVALS':
      return 413;
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 415;
    case 'VALIDATION_FAILED':
    case 'INVALID_INTERVALS':
    case 'GOAL_UNREACHABLE':
    case 'INVALID_ROWS':
    case 'EMPTY_UPLOAD':
    case 'UNKNOWN_CHANNELS':
    case 'INSUFFICIENT_HISTORY':
      return 422;
    case 'RATE_LIMITED':
      return 429;
    case 'INTERNAL_ERROR':
      return 500;
    case 'DATABASE_UNAVAILABLE':
    case 'SHUTTING_DOWN':
    case 'JOB_INTERRUPTED':
      return 503;
  }
}

/** The list of codes, for the OpenAPI document. */
export const ERROR_CODES: readonly ErrorCode[] = [
  'MALFORMED_REQUEST', 'MALFORMED_JSON', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND',
  'ROUTE_NOT_FOUND', 'API_KEY_NOT_FOUND', 'CHANNEL_NOT_FOUND', 'PLAN_NOT_FOUND',
  'FORECAST_VERSION_NOT_FOUND', 'CONFLICT', 'CHANNEL_IN_USE', 'LAST_ADMIN_KEY',
  'PAYLOAD_TOO_LARGE', 'TOO_MANY_INTERVALS', 'UNSUPPORTED_MEDIA_TYPE', 'VALIDATION_FAILED',
  'INVALID_INTERVALS', 'GOAL_UNREACHABLE', 'INVALID_ROWS', 'EMPTY_UPLOAD', 'UNKNOWN_CHANNELS',
  'RATE_LIMITED', 'INTERNAL_ERROR', 'DATABASE_UNAVAILABLE',
  'UPLOAD_NOT_FOUND', 'IMPORT_MAPPING_NOT_FOUND', 'FORECAST_IN_USE',
  'INSUFFICIENT_HISTORY', 'JOB_NOT_FOUND', 'JOB_INTERRUPTED', 'SHUTTING_DOWN',
];
