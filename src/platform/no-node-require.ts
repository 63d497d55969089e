// Stands in for Node's "module" in the worker: email-reply-parser probes for the optional native re2 through
// createRequire, which cannot work in a bundle; a require that always fails makes it use JavaScript RegExp.
/** Returns a `require` that finds nothing. */
export function createRequire(): (specifier: string) => never {
  return (specifier: string) => {
    throw new Error(`${specifier} cannot be required inside the worker`);
  };
}
