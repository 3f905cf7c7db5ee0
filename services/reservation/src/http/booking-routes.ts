import { Router } from 'express';
import { holdRoutes } from './hold-routes';
import { myBookingRoutes } from './my-booking-routes';
import { paymentRoutes } from './payment-routes';
import { answerRefusals } from './refusal-problem';
import type { RouteDeps } from './route-deps';
import { waitlistRoutes } from './waitlist-routes';

export function bookingRoutes(deps: RouteDeps): Router {
  const router = Router();
  router.use(holdRoutes(deps));
  router.use(paymentRoutes(deps));
  router.use(waitlistRoutes(deps));
  router.use(myBookingRoutes(deps));
  router.use(answerRefusals);
  return router;
}
