// A course's page (the home page for the seed's course): what it is, its steps, other courses, a safety note, and the signup form.
/** @jsxImportSource hono/jsx */
import { Layout } from './layout';
import { PENDING_COPY, type SignupChannel } from './pending-page';

/** A course as its page and the course list show it. */
export interface CourseSummary {
  id: string;
  title: string;
  description: string;
  language: string;
  dir: 'ltr' | 'rtl';
  /** Path of the course's own page: `/` for the seed's course, `/c/:course` for the others. */
  path: string;
  days: { day: number; title: string; path: string }[];
}

export interface LandingPageProps {
  course: CourseSummary;
  /** Every other course, listed when there is more than one. */
  otherCourses: CourseSummary[];
  /** The course's opening paragraphs, shown verbatim. */
  intro: string[];
  supportLine: string;
  defaultSendHour: number;
  emailConsentText: string;
  smsConsentText: string;
  /** ISO 3166 alpha-2 codes; the first is the default. */
  smsCountries: string[];
  /** A refused signup, when the form is shown again after a POST without JavaScript. */
  error?: { message: string; field: string | null };
  /** What the person typed, to fill the form again after an error. Consent is never pre-ticked. */
  values?: Partial<{ channel: SignupChannel; email: string; phone: string; country: string; sendHour: number }>;
}

/** Fields that have their own error line; any other error is shown above the button. */
const FIELDS_WITH_ERRORS = ['channel', 'email', 'phone', 'country', 'sendHour', 'consent'] as const;
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const SMS_HOURS_NOTE = 'Texts can only be sent between 9:00 and 19:00, so for text messages please pick an hour in that range.';

/**
 * The inline enhancement for the signup form: fills in the browser's time zone, shows only the chosen
 * channel's fields, moves the hour into 9-19 when texts are chosen, and submits as JSON so the answer appears in place. Exported so a
 * Content-Security-Policy can allow it by hash.
 */
export const SIGNUP_SCRIPT = `(function(){
var f=document.getElementById('signup'),done=document.getElementById('signup-done');if(!f)return;var el=f.elements;
try{el.timezone.value=Intl.DateTimeFormat().resolvedOptions().timeZone||'UTC'}catch(e){}
function channel(){return el.channel.value||'email'}
function show(){var c=channel();f.querySelectorAll('fieldset[data-channel]').forEach(function(g){var off=g.getAttribute('data-channel')!==c;g.hidden=off;g.disabled=off});
if(c==='sms'){var h=Number(el.sendHour.value);if(h<9)el.sendHour.value='9';else if(h>19)el.sendHour.value='19'}}
f.addEventListener('change',function(e){if(e.target.name==='channel')show()});show();
function clear(){f.querySelectorAll('[aria-invalid]').forEach(function(i){i.removeAttribute('aria-invalid')});f.querySelectorAll('.field-error,.form-error').forEach(function(p){p.textContent=''})}
function fail(err){var name=err&&err.field,box=name&&document.getElementById(name+'-error'),input=box&&el[name];
(box||document.getElementById('form-error')).textContent=(err&&err.message)||'Something went wrong. Please try again in a moment.';
if(input&&input.setAttribute){input.setAttribute('aria-invalid','true');input.focus()}}
if(!window.fetch)return;
f.addEventListener('submit',function(e){e.preventDefault();var c=channel(),b=f.querySelector('button[type=submit]'),
body={channel:c,timezone:el.timezone.value,sendHour:Number(el.sendHour.value)};
if(el.course)body.course=el.course.value;
if(c==='sms'){body.phone=el.phone.value;body.country=el.country.value;body.consent=el.consent.checked}else{body.email=el.email.value}
clear();b.disabled=true;
fetch(f.action,{method:'POST',headers:{'Content-Type':'application/json',Accept:'application/json'},body:JSON.stringify(body)})
.then(function(r){if(r.status===202){f.hidden=true;done.querySelector('[data-channel="'+c+'"]').hidden=false;done.hidden=false;done.focus();return}
return r.json().then(function(j){fail(j.error)})}).catch(function(){fail(null)}).then(function(){b.disabled=false})})
})();`;

/** GET /: the course, the safety note before the form, and the signup form (POST /api/subscribe). */
export function LandingPage(props: LandingPageProps) {
  const { course, otherCourses, intro, supportLine, error, values = {} } = props;
  const { days } = course;
  const channel = values.channel ?? 'email';
  const sendHour = values.sendHour ?? props.defaultSendHour;
  const country = values.country ?? props.smsCountries[0];
  const errorFor = (field: string) => (error && error.field === field ? error.message : '');
  const formError = error && !FIELDS_WITH_ERRORS.some((field) => field === error.field) ? error.message : '';
  const invalid = (field: string) => (errorFor(field) ? 'true' : undefined);

  return (
    <Layout title={course.title} script={SIGNUP_SCRIPT}>
      <h1 lang={course.language} dir={course.dir}>{course.title}</h1>
      <p class="lead">
        One gentle step a day for {days.length} days, by email or by text message, at the hour you choose.
      </p>
      <p>
        <a href="#signup-heading">Start the course</a>
      </p>

      <section aria-labelledby="about-heading">
        <h2 id="about-heading">What this course is</h2>
        <div lang={course.language} dir={course.dir}>
          {intro.map((paragraph) => (
            <p>{paragraph}</p>
          ))}
        </div>
        <p>
          Each day brings one step: a short reading, a line to hold on to, a small practice and a question to reflect
          on. Reply to any message and your words are kept in a private journal that only you can open.
        </p>
      </section>

      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading">The {days.length} steps</h2>
        <ol class="steps" lang={course.language} dir={course.dir}>
          {days.map((day) => (
            <li>
              <a href={day.path}>{day.title}</a>
            </li>
          ))}
        </ol>
      </section>

      {otherCourses.length > 0 && (
        <section aria-labelledby="courses-heading">
          <h2 id="courses-heading">Other courses</h2>
          <ul class="courses">
            {otherCourses.map((other) => (
              <li lang={other.language} dir={other.dir}>
                <a href={other.path}>{other.title}</a>: {other.description} ({other.days.length} days)
              </li>
            ))}
          </ul>
        </section>
      )}

      <aside class="safety" aria-labelledby="safety-heading">
        <h2 id="safety-heading">Your safety comes first</h2>
        <p>
          This course is not meant for relationships with abuse or violence. If you are not safe, please contact{' '}
          {supportLine}. If you are in immediate danger, call your local emergency number.
        </p>
      </aside>

      <section aria-labelledby="signup-heading">
        <h2 id="signup-heading">Start the course</h2>
        <form id="signup" class="card" method="post" action="/api/subscribe">
          <fieldset aria-describedby="channel-error">
            <legend>How would you like to receive the steps?</legend>
            <label class="choice">
              <input type="radio" name="channel" value="email" checked={channel === 'email'} />
              <span>By email</span>
            </label>
            <label class="choice">
              <input type="radio" name="channel" value="sms" checked={channel === 'sms'} />
              <span>By text message (SMS)</span>
            </label>
            <FieldError field="channel" message={errorFor('channel')} />
          </fieldset>

          <fieldset data-channel="email">
            <legend>For email</legend>
            <div class="field">
              <label for="email">Email address</label>
              <input
                id="email"
                name="email"
                type="email"
                autocomplete="email"
                value={values.email}
                aria-describedby="email-consent email-error"
                aria-invalid={invalid('email')}
              />
              <p class="hint" id="email-consent">
                {props.emailConsentText}
              </p>
              <FieldError field="email" message={errorFor('email')} />
            </div>
          </fieldset>

          <fieldset data-channel="sms">
            <legend>For text messages</legend>
            <div class="field">
              <label for="phone">Mobile number</label>
              <input
                id="phone"
                name="phone"
                type="tel"
                autocomplete="tel"
                value={values.phone}
                aria-describedby="phone-hint phone-error"
                aria-invalid={invalid('phone')}
              />
              <p class="hint" id="phone-hint">
                +1 555 123 4567 or a national number
              </p>
              <FieldError field="phone" message={errorFor('phone')} />
            </div>
            <div class="field">
              <label for="country">Country of the number</label>
              <select id="country" name="country" aria-describedby="country-error" aria-invalid={invalid('country')}>
                {props.smsCountries.map((code) => (
                  <option value={code} selected={code === country}>
                    {countryName(code)}
                  </option>
                ))}
              </select>
              <FieldError field="country" message={errorFor('country')} />
            </div>
            <div class="field">
              <label class="choice" for="consent">
                <input
                  id="consent"
                  type="checkbox"
                  name="consent"
                  value="true"
                  aria-describedby="consent-error"
                  aria-invalid={invalid('consent')}
                />
                <span>{props.smsConsentText}</span>
              </label>
              <FieldError field="consent" message={errorFor('consent')} />
            </div>
          </fieldset>

          <div class="field">
            <label for="sendHour">What time of day would you like each step?</label>
            <select id="sendHour" name="sendHour" aria-describedby="sendHour-hint sendHour-error" aria-invalid={invalid('sendHour')}>
              {HOURS.map((hour) => (
                <option value={String(hour)} selected={hour === sendHour}>
                  {`${hour}:00`}
                </option>
              ))}
            </select>
            <p class="hint" id="sendHour-hint">
              In your own time zone. {SMS_HOURS_NOTE}
            </p>
            <FieldError field="sendHour" message={errorFor('sendHour')} />
          </div>

          <input type="hidden" name="timezone" value="UTC" />
          <input type="hidden" name="course" value={course.id} />
          <noscript>
            <p class="hint">
              Without JavaScript we can't read your time zone, so the hour above is in UTC. You can change your time
              zone later from your private journal.
            </p>
          </noscript>

          <p id="form-error" class="form-error" aria-live="polite">
            {formError}
          </p>
          <button type="submit">Start the course</button>
        </form>

        <div id="signup-done" class="card" role="status" tabindex={-1} hidden>
          {(['email', 'sms'] as const).map((option) => (
            <div data-channel={option} hidden>
              <h3>{PENDING_COPY[option].heading}</h3>
              {PENDING_COPY[option].paragraphs.map((paragraph) => (
                <p>{paragraph}</p>
              ))}
            </div>
          ))}
        </div>
      </section>
    </Layout>
  );
}

/** The line under a field where the server's message for that field appears, read out when it changes. */
function FieldError({ field, message }: { field: string; message: string }) {
  return (
    <p class="field-error" id={`${field}-error`} aria-live="polite">
      {message}
    </p>
  );
}

/** "United States (US)" where the runtime knows region names, else the code alone. */
function countryName(code: string): string {
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'region' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}
