// Which requests count as local (the developer's own machine): the one place that decides it.

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** True when `hostname` (as URL.hostname gives it) names this machine's loopback interface. */
export function isLocalHostname(hostname: string): boolean {
  return LOCAL_HOSTS.has(hostname.toLowerCase());
}

/** True when the request was addressed to localhost, 127.0.0.1 or [::1]. */
export function isLocalRequestUrl(url: string): boolean {
  return isLocalHostname(new URL(url).hostname);
}
