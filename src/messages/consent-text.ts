// The consent wording a person agrees to at signup, versioned so each consent record names the text that was shown.
export const CONSENT_TEXTS = {
  email: {
    version: 'email-2026-11',
    text: 'Send me one step of "30 steps to regain trust" by email each day for 30 days. I can unsubscribe at any time.',
  },
  sms: {
    version: 'sms-2026-11',
    text:
      'I agree to receive one automated text message a day for 30 days from Rebuild Trust at the number above, plus replies to my texts. ' +
      'Consent is not a condition of any purchase. Msg & data rates may apply. Reply HELP for help, STOP to cancel.',
  },
} as const;
