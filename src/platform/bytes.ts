// Joins the chunks of a byte stream that was read piece by piece (request bodies, raw inbound mail).

/** One array holding `chunks` in order; `size` is their total length. */
export function concatBytes(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
