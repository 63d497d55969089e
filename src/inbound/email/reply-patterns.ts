// Pure: what the lines around a person's reply look like in many mail clients and languages, one test per line.
// Every pattern is anchored and bounded, and callers pass lines of at most MAX_PATTERN_LINE characters.

/** Lines longer than this are never a quote header, separator or signature line, so patterns never see more. */
export const MAX_PATTERN_LINE = 400;

/** Words that open an attribution line ("On … wrote:") in the languages clients write it in. */
const ATTRIBUTION_START =
  /^[-\s*]{0,12}(On|Le|El|Il|Em|Op|Am|Den|På|W dniu|Dnia|Dne|Vào|Kun|Στις|В|У|Pada|Ve|Dana|Dňa)\s/i;
/** The verbs ending it: wrote, a écrit, schrieb, schreef, skrev, napisał, написал, пише, đã viết … */
const ATTRIBUTION_VERB =
  /(?<!\p{L})(wrote|sent|a écrit|escribió|escreveu|ha scritto|scrisse|schrieb|schreef|geschreven|skrev|skrive|kirjoitti|napisał|napisała|napisał\(a\)|napsal|napsala|đã viết|написал|написала|написал\(а\)|написав|написав\(ла\)|пише|писал|пишет|έγραψε|yazdı|menulis|írta)(?!\p{L})/iu;
/** The attribution verb closing the line: "… napisał(a):", "… пише:", "… wrote:". */
const VERB_AT_END =
  /(?<!\p{L})(wrote|sent|a écrit|escribió|escreveu|ha scritto|scrisse|schrieb|schreef|geschreven|skrev|kirjoitti|napisał|napisała|napisał\(a\)|napsal|napsala|đã viết|написал|написала|написал\(а\)|написав|написав\(ла\)|пише|пишет|έγραψε|yazdı|írta)\s?:?$/iu;
/** "2016-10-24 15:36 GMT+02:00 Name <a@b>:" (Gmail in several locales) and "2011/4/7 Name <a@b>". */
const DATED = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b/;
/** "2016-03-03 17:21 GMT+01:00 Some One" (Gmail's dated line with a zone and no address). */
const DATED_ZONED = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}\s*(GMT|UTC)[+-]\d{1,2}:?\d{2}\s+\S/;
/** "Some One <a@b> wrote:", "Name via List <a@b> schrieb am Fr., 28. Apr. 2017 um 11:53 Uhr:": an address, then the verb. */
const VERB_AFTER_ADDRESS = new RegExp(`^\\s+(${ATTRIBUTION_VERB.source})(\\s.{0,80})?:$`, 'iu');
/** One address as a word: "a@b.example", "<a@b.example>", "(<a@b.example>)", or one wrapped before its end ("<a@b"). */
const ADDRESS = /^["'(<]*[^\s<>()@"']+@([^\s<>()@"']+\.\p{L}{2,}[>)"']*|$)/u;

/** The line from the start of its last word holding "@" (so each pattern is matched once, anchored, in linear time). */
function fromLastAddress(line: string): string {
  const at = line.lastIndexOf('@');
  return at < 0 ? '' : line.substring(line.lastIndexOf(' ', at) + 1);
}

/** "… Some One <a@b> wrote:", "… <a@b> schrieb am Fr., 28. Apr. 2017 um 11:53 Uhr:": the verb right after an address. */
function verbFollowsAddress(line: string): boolean {
  const tail = fromLastAddress(line);
  const word = tail.split(/\s/, 1)[0]!;
  return ADDRESS.test(word) && VERB_AFTER_ADDRESS.test(tail.substring(word.length));
}
/** "---- John Smith wrote ----" (Android), "------On … wrote-----". */
const DASHED_WROTE = /^-{2,}.{1,200}\bwrote\s*-{2,}$/i;

/**
 * True when `text` (one line, or up to five lines joined by spaces) is a quote header: an "On <date>, <name>
 * wrote:" in one of many languages, a dated Gmail address line, or an Android "---- Name wrote ----". It must
 * name a date, time or address, so a sentence that only starts with "On" is not one.
 */
export function isAttribution(text: string): boolean {
  const line = text.trim().replace(/：$/, ':');
  if (line.length > MAX_PATTERN_LINE) return false;
  if (DASHED_WROTE.test(line)) return true;
  if (DATED.test(line) && line.includes('@') && (line.endsWith(':') || line.endsWith('>'))) return true;
  if (DATED_ZONED.test(line)) return true;
  if (!/[:>-]$/.test(line) && !/\bwrote$/i.test(line)) return false;
  if (!/\d|@/.test(line)) return false;
  if (ATTRIBUTION_START.test(line) && ATTRIBUTION_VERB.test(line)) return true;
  if (verbFollowsAddress(line)) return true;
  // "вт, 3 мар. 2026 г. в 08:00, Name <a@b>:" (Gmail in many locales), "03.03.2026, 08:00, "Name" <a@b>:" (Yandex)
  if (/[>)]\s?:$/.test(line) && line.includes('@') && /\d/.test(line) && line.length <= 300) return true;
  // "Name <a@b> 于2026年3月3日周二 上午8:00写道：" (Chinese), "2026년 3월 3일 (화) 오전 8:00, Name <a@b>님이 작성:" (Korean)
  if (/(写道|寫道|작성):$/u.test(line) && /\d|@/.test(line)) return true;
  // "15 марта 2016 г., в 14:21, Иван <ivan@example.com> написал(а):", "ti 3. maalisk. 2026 klo 8.00 … kirjoitti:"
  return /\d/.test(line) && /(:|wrote)$/i.test(line) && VERB_AT_END.test(line);
}

/** Whether a line can start an attribution that continues on the next lines (so joining them is worth trying). */
export function mayStartAttribution(line: string): boolean {
  const text = line.trim();
  return (
    text.length > 0 &&
    text.length <= MAX_PATTERN_LINE &&
    (ATTRIBUTION_START.test(text) || /^\d{1,4}[-/. ]/.test(text) || /^-{2,}/.test(text) || ADDRESS.test(fromLastAddress(text).split(/\s/, 1)[0]!))
  );
}

/** The person's words before an attribution that shares their line ("reply On Wed, … wrote:"), or null. */
export function textBeforeAttribution(line: string): string | null {
  const text = line.trim();
  if (text.length > MAX_PATTERN_LINE || !text.endsWith(' wrote:')) return null;
  const start = text.search(/[\s-]On\s/);
  if (start <= 0) return null;
  const rest = text.substring(start + 1);
  const before = text.substring(0, start + 1).replace(/[\s-]+$/, '');
  return before && /\d|@/.test(rest) && rest.length <= 300 ? before : null;
}

/** Rules above a copy of the original: Outlook, Thunderbird, Lotus, Android, forwards, in many languages. */
const SEPARATOR =
  /^[*_\s]{0,3}-{2,}\s*(Original Message|Original message|Reply Message|Forwarded message|Forwarded Message|Ursprüngliche Nachricht|Ursprungliche Nachricht|Antwort Nachricht|Weitergeleitete Nachricht|Oprindelig meddelelse|Videresendt meddelelse|Message d'origine|Message original|Message transféré|Mensaje original|Mensaje reenviado|Messaggio originale|Messaggio inoltrato|Oorspronkelijk bericht|Doorgestuurd bericht|Originalmeddelande|Ursprungligt meddelande|Vidarebefordrat meddelande|Opprinnelig melding|Videresendt melding|Alkuperäinen viesti|Välitetty viesti|Исходное сообщение|Пересылаемое сообщение|Оригінальне повідомлення|Oryginalna wiadomość|Wiadomość przekazana|Mensagem original|Mensagem encaminhada|Původní zpráva|Eredeti üzenet|Orijinal Mesaj)\s*-*[*_\s]{0,3}$/i;
const FORWARD_INTRO = /^(Begin forwarded message|Anfang der weitergeleiteten Nachricht|Début du message réexpédié|Inicio del mensaje reenviado|Inizio messaggio inoltrato|Begin doorgestuurd bericht)\s?:$/i;

/** A rule or line that introduces a forwarded message (not a reply's copy of the original). */
const FORWARD = /(forward|weitergeleitet|transféré|reenviado|inoltrato|doorgestuurd|videresendt|vidarebefordrat|välitetty|пересылаемое|przekazana|encaminhada|réexpédié)/i;

/** True for a separator that starts a forwarded message ("---------- Forwarded message ----------"). */
export function isForwardSeparator(line: string): boolean {
  return isSeparator(line) && FORWARD.test(line);
}

/** True for a rule line that introduces a copied or forwarded original. */
export function isSeparator(line: string): boolean {
  const text = line.trim();
  return text.length <= MAX_PATTERN_LINE && (SEPARATOR.test(text) || FORWARD_INTRO.test(text));
}

/** A header line of a copied original (From:, Sent:, Date:, To:, Subject: and their translations), bold or not. */
const HEADER_LINE =
  /^\*{0,2}(From|Sent|Date|To|Cc|Subject|Von|Gesendet|Datum|An|Betreff|De|Envoyé|Date|À|A|Objet|Enviado|Enviada|Para|Asunto|Fecha|Assunto|Da|Inviato|Oggetto|Data|Van|Verzonden|Aan|Onderwerp|Från|Skickat|Till|Ämne|Fra|Sendt|Til|Emne|Dato|От|Отправлено|Дата|Кому|Тема|Копия|Від|Надіслано|Od|Wysłano|Wysłane|Do|Temat|Lähettäjä|Lähetetty|Vastaanottaja|Aihe|Odesláno|Komu|Předmět|Feladó|Elküldve|Címzett|Tárgy|Kimden|Gönderildi|Kime|Konu|Sujet|Copie à|Message du|发件人|发送时间|收件人|抄送|主题|寄件者|寄件日期|收件者|副本|主旨|差出人|送信日時|宛先|件名)\s?\*{0,2}\s?[:：]\*{0,2}(\s|$)/i;
const HEADER_NAME = /^\*{0,2}([^\s:：*]+)/;
/** Where a copied header block's lines may be found: this many lines from its first. */
export const HEADER_WINDOW = 6;

/** The header name of a line like "*Sent:* …", lower-cased; null when the line is not a header line. */
export function headerName(line: string): string | null {
  const text = line.trim();
  if (text.length > MAX_PATTERN_LINE || !HEADER_LINE.test(text)) return null;
  return HEADER_NAME.exec(text)?.[1]?.toLowerCase() ?? null;
}

/** "Sent from my iPhone", "Get Outlook for iOS", BlackBerry network footers and their translations. */
const DEVICE =
  'iphone|ipad|ipod|android|blackberry|mobile|phone|cell|windows|samsung|galaxy|htc|nokia|smartphone|tablet|outlook|mailbox|acompli|airmail|spark|gmail|yahoo|aol|proton|huawei|pixel|xiaomi|handy|телефон|айфон|iphone|smartfon|telefon|móvil|movil|portable|celular|cellulare|windows mail|mail for|superhuman|fairemail|k-9|bluemail';
/** "Sent [wirelessly] from my [three words at most] <device>": the device is named at once, not later in a sentence. */
const SENT_FROM = new RegExp(
  `^(sent|envoyé|envoye|enviado|inviato|verzonden|verstuurd|skickat|sendt|lähetetty|отправлено|надіслано|wysłane|gesendet|odesláno)(\\s+\\p{L}+){0,2}\\s+(from|with|via|using|by|on|de|depuis|desde|da|dal|vanaf|met|från|fra|с|з|z|von|mit|par)\\s+(\\S+\\s+){0,3}?(${DEVICE})`,
  'iu',
);
const OTHER_MOBILE = new RegExp(
  `^(von meinem|diese nachricht wurde von meinem|envoyé de mon|envoyé depuis mon|enviado desde mi|enviado do meu|inviato da|verstuurd vanaf mijn|get outlook for|download outlook for|отправлено из|skickat från min|from my (${DEVICE}))(?!\\p{L}).{0,80}$`,
  'iu',
);
/** "從我的 iPhone 傳送", "发自我的iPhone", "iPhoneから送信": the same line in Chinese and Japanese. */
const CJK_MOBILE = /^(從我的|从我的|发自我的|發自我的).{1,30}(傳送|发送|發送)?$|^.{1,30}から送信$/u;
/** "Sent from my TI-85", "Sent from my Alcatel Flash2": a short "Sent from my …" ending in a brand or model name (a capital
 * or a digit) is a signature whatever the device; "Sent from my heart." is not. */
const SENT_FROM_MY_SHORT = /^[Ss]ent from my(\s+[^\s,;]+){0,3}\s+[^\s,;]*[\p{Lu}\d][^\s,;]*\.?$/u;
/** "Someone from mobile": a signature naming nothing but the phone. */
const FROM_MOBILE = /^\p{L}+ from (my )?(mobile|phone|iphone|android)$/iu;

/** The line as an app writes it, without a link's target or the brackets around it ("<<sent by galaxy>>", "(Sent from …)"). */
function signatureText(line: string): string {
  return line
    .trim()
    .replace(/\[([^\]]{1,40})\]\([^)\s]{1,200}\)/g, '$1')
    .replace(/<?https?:\/\/\S{1,200}>?/g, '')
    .replace(/^(<<|\(|\[)\s*(.{1,100}?)\s*(>>|\)|\])$/, '$2')
    .trim();
}

/** True for a line a phone or mail app adds under every message (never a sentence of the person's own). */
export function isMobileSignature(line: string): boolean {
  if (line.trim().length > 160) return false;
  const text = signatureText(line);
  if (text.length > 120) return false;
  if (OTHER_MOBILE.test(text) || CJK_MOBILE.test(text) || SENT_FROM_MY_SHORT.test(text) || FROM_MOBILE.test(text)) return true;
  // "Sent from my desk, which is calmer than my phone" is a sentence: the device must be named right away.
  return SENT_FROM.test(text) && text.split(/\s+/).length <= 14;
}

/** A closing line on its own: "Thanks!", "Best regards,", "Cheers", "Viele Grüße", "С уважением," … */
const CLOSING =
  /^(thanks|thank you|thanks again|many thanks|thanks so much|thank you so much|thx|ty|cheers|best|all the best|best regards|best wishes|kind regards|kindest regards|warm regards|warmest regards|warmly|regards|sincerely|yours|yours truly|yours sincerely|love|lots of love|with love|xx|xoxo|hugs|take care|talk soon|cordialement|bien cordialement|merci|bises|bien à vous|grüße|viele grüße|liebe grüße|beste grüße|lg|vg|mfg|mit freundlichen grüßen|danke|saludos|un saludo|saludos cordiales|abrazos|un abrazo|gracias|cumprimentos|atenciosamente|abraços|obrigado|obrigada|groeten|groetjes|met vriendelijke groet|hartelijke groet|hälsningar|mvh|med vänliga hälsningar|vänliga hälsningar|venlig hilsen|med venlig hilsen|hilsen|kh|mvh|med vennlig hilsen|с уважением|спасибо|всего доброго|pozdrawiam|pozdrowienia|z poważaniem|z powazaniem|dzięki|cordiali saluti|saluti|grazie|un abbraccio|ystävällisin terveisin|terveisin)\s*[,.!:;)]*\s*$/iu;

/** Japanese closings: "以上、よろしくお願いいたします", "よろしくお願いします". */
const JAPANESE_CLOSING = /^(以上[、。]?\s*)?(どうぞ)?よろしくお願い(いた|致)?します[。！]?$/u;

/** True for a line that is only a closing ("Thanks!", "Kind regards,"), the start of a sign-off. */
export function isClosing(line: string): boolean {
  const text = line.trim();
  if (JAPANESE_CLOSING.test(text)) return true;
  // "Med venlig hilsen / Kind regards": a closing in two languages.
  return text.length <= 60 && text.split(/\s+\/\s+/, 3).every((part) => part.length <= 40 && CLOSING.test(part));
}

/** A closing that ends a message on its own with no name under it ("Kind regards", "Med venlig hilsen / Kind regards"). */
export function isRegardsClosing(line: string): boolean {
  return isClosing(line) && /regards|gr(ü|ue)(ß|ss)e|hilsen|groet|saludos|cordialement|pozdrawiam|poważaniem|powazaniem|уважением|terveisin|hälsningar|よろしく/i.test(line);
}

/** "-roman", "- Roman", "-Lev.", "~ Ana", "-Maarten de Jong", "/John": a name signed under a dash or a slash. */
const DASH_NAME = /^[-~–—/]\s?\p{Lu}?[\p{L}'.]{1,20}(\s[\p{L}'.]{1,20}){0,2}\.?$/u;

/** True for a dash-signed name like "-roman". */
export function isDashName(line: string): boolean {
  return DASH_NAME.test(line.trim());
}

/** A signature delimiter: "-- ", "--", "---", "—", or a long rule of underscores. */
export function isSignatureDelimiter(line: string): boolean {
  return /^(-{2,3}|—|_{5,}|-{2} )\s*$/.test(line.replace(/\s+$/, ' ').trimEnd()) || line === '-- ';
}

/** Words of a mailing-list footer or an automatic notice under the person's words. */
export const LIST_FOOTER =
  /(mailing list|listinfo|unsubscribe|you received this (message|email) because|to post to this group|view this discussion|google groups|manage your subscription|list-unsubscribe|abbestellen|se désabonner|se desinscrire)/i;

/** The first line of a legal notice under a message ("Disclaimer", "This message … is intended solely for …"). */
export const DISCLAIMER =
  /^(disclaimer|confidentiality notice|legal notice|(this|the information (contained )?in this) (e-?mail|message|communication)\b.{0,120}\b(confidential|privileged|intended (solely|only) for))/i;

/** A banner a mail system puts above the message ("CAUTION: This email originated from outside of …"). */
export const EXTERNAL_BANNER =
  /^\[?(caution|external(?: email| sender| message)?|warning|attention|notice)\]?\s*:?\s*(this|the) (e-?mail|message) (originated|came|comes|was sent|is) from (outside|an external)/i;

/** Pieces of a contact block: phone, address, link, title words. */
export const CONTACT_DETAIL =
  /(\+?\d[\d\s().-]{6,}\d|[^\s@]+@[^\s@]+\.[a-z]{2,}|https?:\/\/|www\.|\b(tel|phone|mobile|cell|fax|mob|tél|tlf|telefon)\b\s*[.:]|\b(ceo|cto|cfo|coo|founder|co-founder|director|manager|president|engineer|consultant|lmft|lcsw|phd|md|inc|llc|ltd|gmbh|corp|corporation|company|group)\b)/i;
