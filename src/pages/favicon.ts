// The site's icon: two linked rings on the accent colour, as SVG and as a 32×32 ICO (one embedded PNG) for /favicon.ico.

/** The icon as SVG, served at /favicon.svg and linked from every page. */
export const FAVICON_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#1d5c57"/><circle cx="25" cy="32" r="12.5" fill="none" stroke="#ffffff" stroke-width="5"/><circle cx="39" cy="32" r="12.5" fill="none" stroke="#f2c98a" stroke-width="5"/></svg>';

/** /favicon.ico: an ICO file holding one 32×32 PNG rendered from FAVICON_SVG. */
const FAVICON_ICO_BASE64 =
  'AAABAAEAICAAAAEAIABlAwAAFgAAAIlQTkcNChoKAAAADUlIRFIAAAAgAAAAIAgGAAAAc3p69AAAAAlwSFlzAAALEwAACxMBAJqcGAAAAxdJREFUeJzFV1tPE1EQ3h+hoLHbB/6DXHxXEeOLgT0lu6sUE5WLlRYi1yIFQgFFrrFc1EiCxktConIxRC6JBGqwiA8UEhuVEiwJmtCWgGDsmHO2XaDbmi0UdpJ52J0vM9/OzJmzQ1E7JJbjYlQcU01z6BPNMms0hyAqyjJrKpaZpllUhWNQoUTNozSaRZ6oBQ1LBnnUrCZVGpxDvgMPvq0+kUQsx8UcypcHqYpj3Me0aUcpf81BGWUqKZpFM0oRwI1J0RzyKpYBFnko5dIvKCUHpOY1kGIshqJHXVDz7AkUPuyEc2VFou2sIRPya3OholEHBnMOnNFro0fgalMDOH4sQShZdEyCY6wePB+k+nmwEjLKr+2dgJrXQOdAH4ST3wsjIQMHa3N7/t4ImJ8/FYOtuN1Q0dMNiXk5EJfBQlNniRjAO90Gm66P0PziMcRd1kB8Fg8ld3XwfaxGxJQ36CIjkJSXC5t/tkjwb8suiNdlibaELB5+TtQSx/PDNeBc+ipkZGuLEAzgTl7nYHaoiuBWJuoIMdkE2vvfEKd/fT6x2QKKU4qdrlrrSbOdNxYTHJb7fa92YZMNWoLD+EaLQT6B+UUncThhn5XYbAMm4vBdr1F8Z52zE7zduSDBj/QaCX5qwCSfwNrGBnGIMxFsWx6vlTRXoFm9G+sSfKs/Y65xc+QEOv5DoMWyTaBrsF8gsC4l0NZRIBB4b468BJNz4UswfJAlsPS9FpsQT8CdtibLdhPiCXjhdin4wjRhSkEmuK11kTdhUtAxTLiZHfYYLoY5hvjY2Yeq93YMaQ6RmR+QXx4PmHq64ZT+hnQQ2Vph0zUFLS+FQZSYfQnKGnSwsJ9BRAfNg5Cj2DkqaxTjku3rMrpy7w44lkJfRk6HFb6Mhg4887YSeOM+LiM6SJNLC8k1jEtz60EHeQ7YTuu1YPBfx3pzDnmW65eSCzwopZT4I975Z0yRLUjRn1IWVSlXAsak4GKCVo+npx8RVjNWk3rYq9kJHl3cvR+ymlTcFIfx5ZLgAcG7Gl6XVByyRXlh8Qo+GZOYdr/8A21PQxwA9+b2AAAAAElFTkSuQmCC';

export const FAVICON_ICO: ArrayBuffer = Uint8Array.from(atob(FAVICON_ICO_BASE64), (char) => char.charCodeAt(0)).buffer;
