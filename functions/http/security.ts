/**
 * The content security policy of the H5 app's page (served by `npm start` and by Vercel, see
 * vercel.json): only what cannot break the app — no framing, no plugins, no foreign <base> or form
 * targets. The API's own replies get a stricter one (default-src 'none', functions/app.ts).
 */
export const h5PolicyDirectives = {
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
}

/** The same policy as a header value. */
export const h5Policy = Object.entries(h5PolicyDirectives)
  .map(([name, values]) => `${name.replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`)} ${values.join(' ')}`)
  .join('; ')
