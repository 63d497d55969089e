// Shortens a subscriber's address for the operator's screen: enough to recognise it, not enough to copy it.

const ELLIPSIS = '…';

/**
 * An email keeps the first two characters of its local part (one when the local part is two
 * characters or fewer) and the whole domain: "anna@example.com" → "an…@example.com". A phone number
 * keeps its first five and last two characters: "+14155550123" → "+1415…23". Anything shorter than
 * eight characters that is not an email shows only its first character.
 */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at > 0) {
    const local = address.slice(0, at);
    const kept = local.length > 2 ? 2 : 1;
    return `${local.slice(0, kept)}${ELLIPSIS}${address.slice(at)}`;
  }
  if (address.length >= 8) return `${address.slice(0, 5)}${ELLIPSIS}${address.slice(-2)}`;
  return `${address.slice(0, 1)}${ELLIPSIS}`;
}
