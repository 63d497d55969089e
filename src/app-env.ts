// The Hono environment every feature's routes share: the worker's bindings, the services built once per request, and its instant.
import type { Logger } from './platform/log';
import type { Services } from './services';

export interface AppEnv {
  Bindings: Env;
  Variables: {
    services: Services;
    log: Logger;
    /** The instant the request arrived (ms): the one clock every route reads and passes to its feature. */
    now: number;
  };
}
