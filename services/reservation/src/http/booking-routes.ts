import { Router } from 'express';
import { holdRoutes } from './hold-routes';
import { myBookingRoutes } from './my-booking-routes';
import { paymentRoutes } from './payment-routes';
import { answerRefusals } from './refusal-problem';
import type { RouteDeps } from './route-deps';

export function bookingRoutes(deps: RouteDeps): Router {
  const router = Router();
  router.use(holdRoutes(deps));
  router.use(paymentRoutes(deps));
  router.use(myBookingRoutes(deps));
  router.use(answerRefusals);
  return router;
}
