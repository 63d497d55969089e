// The keyword check the product used before the trained model, kept only to measure the model against it.
const DANGER_PATTERNS: RegExp[] = [
  /\b(hit|hits|hitting|punch(es|ed|ing)?|slap(s|ped|ping)?|chok(e|es|ed|ing)|strangl(e|es|ed|ing)|kick(s|ed|ing)?|beat(s|en|ing)? me|shov(e|es|ed|ing) me|push(es|ed)? me)\b/i,
  /\b(abus(e|es|ed|ive|ing)|violen(t|ce)|assault(s|ed)?|rap(e|ed))\b/i,
  /\b(threat(en|ens|ened|ening)?|scared for my life|afraid for my life|fear for my (life|safety)|not safe|unsafe|in danger)\b/i,
  /\b(kill (me|myself|him|her|them)|hurt (me|myself)|end my life|suicid(e|al)|self[- ]harm)\b/i,
  /\b(gun|knife|weapon)\b/i,
];

/** True when `text` mentions violence, threats, abuse or danger to someone's life or safety. */
export function keywordBaselineSaysDanger(text: string): boolean {
  return DANGER_PATTERNS.some((pattern) => pattern.test(text));
}
