// Stands in for @react-email/render inside the worker: emails are rendered at build time, so React never ships here.
/** Always throws: the worker sends pre-rendered HTML and never passes a React element to Resend. */
export function render(): never {
  throw new Error('React rendering is not available in the worker; emails are rendered at build time (emails/build.ts).');
}

export const toPlainText = render;
export const pretty = render;
