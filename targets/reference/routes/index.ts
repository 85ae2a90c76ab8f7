import type { Ctx } from '../app.ts';
import type { Router } from '../router.ts';
import { registerAccountRoutes } from './account.ts';
import { registerAppointmentRoutes } from './appointments.ts';
import { registerBasicRoutes } from './pages-basic.ts';
import { registerHelpRoutes } from './help.ts';
import { registerRegistrationRoutes } from './registration.ts';
import { registerSelfieRoutes } from './selfie.ts';

export function registerRoutes(router: Router<Ctx>): void {
  registerBasicRoutes(router);
  registerAccountRoutes(router);
  registerRegistrationRoutes(router);
  registerSelfieRoutes(router);
  registerAppointmentRoutes(router);
  registerHelpRoutes(router);
}
