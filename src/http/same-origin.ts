// Whether a form POST came from one of our own pages: the browser's Sec-Fetch-Site (pages cannot forge it), else the Origin.

/**
 * True unless a browser says the request came from another site. Sec-Fetch-Site is trusted when present
 * ("same-origin", or "none" for a request the person made directly); without it the Origin, when sent, must be
 * `ownOrigin`. Scripts that send neither are let through: they are not a victim's browser.
 */
export function isOwnFormPost(headers: { fetchSite?: string; origin?: string }, ownOrigin: string): boolean {
  if (headers.fetchSite) return headers.fetchSite === 'same-origin' || headers.fetchSite === 'none';
  return !headers.origin || headers.origin === ownOrigin;
}
