export * from './entity-id';
export * from './timestamp';
export * from './won';

export * from './api/auth';
export * from './api/catalogue';
export * from './api/sale-hold';
export * from './api/queue';
export * from './api/reservations';
export * from './api/payments';
export * from './api/wallet';
export * from './api/waiting-room-admin';
export * from './api/idempotency-key';
export * from './api/problem';
export * from './api/field-errors';
export * from './api/health';
export * from './api/caller-statement';
export * from './api/caller-statement-signature';
export type { ApiResponse, ApiRoute, Caller, InternalRoute } from './api/api-route';
export { apiRoutes, routes, type ApiOperation } from './api/routes';
export * from './api/express-path';
export * from './internal/queue-token-verification';
export * from './openapi';

export * from './events/envelope';
export * from './events/reservation-held';
export * from './events/reservation-released';
export * from './events/reservation-confirmed';
export * from './events/payment-requested';
export * from './events/payment-completed';
export * from './events/payment-failed';
export * from './events/payment-cancelled';
export * from './events/schedule-sale-state-changed';
export * from './events/registry';
export * from './events/parse-event';
export * from './events/new-event';
export * from './events/unparseable-event-error';

export * from './topics';
