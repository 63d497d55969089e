// The Hono environment every feature's routes share: the worker's bindings and the services built once per request.
import type { Logger } from './platform/log';
import type { Services } from './services';

export interface AppEnv {
  Bindings: Env;
  Variables: { services: Services; log: Logger };
}
