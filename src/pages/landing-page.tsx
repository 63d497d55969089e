// A course's page (the home page for the seed's course): the signup form in the first screen, who it is for, what happens next, privacy, a sample step, the steps, other courses.
/** @jsxImportSource hono/jsx */
import { ROLE_LABELS } from '../course/roles';
import { supportLineParts } from '../messages/support-line';
import { ROLES, type Role } from '../course/roles';
import { formatHourOfDay } from '../schedule/format-time';
import { Layout } from './layout';
import { PENDING_COPY, type SignupChannel } from './pending-page';
import { SupportLine } from './support-line';

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
  /** The seed's opening paragraphs, shown verbatim. */
  intro: string[];
  /** Day 1 as a sample: the seed's words and our practice and prompt for people taking the course together. */
  sample: { day: number; title: string; quote: string | null; text: string; practice: string; prompt: string };
  supportLine: string;
  /** Who runs the service (OPERATOR_NAME), or null for a neutral phrase. */
  operatorName: string | null;
  /** Whether the operator's admin page shows reflection text (ADMIN_SHOWS_REFLECTIONS); the privacy line says so. */
  adminShowsReflections: boolean;
  defaultSendHour: number;
  emailConsentText: string;
  smsConsentText: string;
  /** ISO 3166 alpha-2 codes; the first is the default. */
  smsCountries: string[];
  /** A refused signup, when the form is shown again after a POST without JavaScript. */
  error?: { message: string; field: string | null };
  /** What the person typed, to fill the form again after an error. Consent is never pre-ticked. */
  values?: Partial<{ channel: SignupChannel; email: string; phone: string; country: string; sendHour: number; role: Role }>;
}

/** Fields that have their own error line; any other error is shown above the button. */
const FIELDS_WITH_ERRORS = ['channel', 'email', 'phone', 'country', 'sendHour', 'consent', 'role'] as const;
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
/** Only text messages have quiet hours, so only the text-message fields say so. */
const SMS_HOURS_NOTE = `Texts go out only between ${formatHourOfDay(9, true)} and ${formatHourOfDay(19, true)}, your time.`;

/**
 * The inline enhancement for the signup form: fills in the browser's time zone, shows only the chosen
 * channel's fields, writes the hours in the reader's own clock convention and names their zone, moves the hour into 9-19 when texts are chosen, and submits as JSON so the answer appears in place. Exported so a
 * Content-Security-Policy can allow it by hash.
 */
export const SIGNUP_SCRIPT = `(function(){
var f=document.getElementById('signup'),done=document.getElementById('signup-done');if(!f)return;var el=f.elements;
try{var tz=Intl.DateTimeFormat().resolvedOptions().timeZone||'UTC';el.timezone.value=tz;
var clock=new Intl.DateTimeFormat(undefined,{hour:'numeric',minute:'2-digit',timeZone:'UTC'});
Array.prototype.forEach.call(el.sendHour.options,function(o){o.textContent=clock.format(Date.UTC(2020,0,1,Number(o.value)))});
var place=document.getElementById('sendHour-place');if(place)place.textContent=tz.indexOf('/')>0?tz.split('/').pop().replace(/_/g,' ')+' time':tz}catch(e){}
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
body={channel:c,timezone:el.timezone.value,sendHour:Number(el.sendHour.value),role:el.role.value||'together'};
if(el.course)body.course=el.course.value;
if(c==='sms'){body.phone=el.phone.value;body.country=el.country.value;body.consent=el.consent.checked}else{body.email=el.email.value}
clear();b.disabled=true;
fetch(f.action,{method:'POST',headers:{'Content-Type':'application/json',Accept:'application/json'},body:JSON.stringify(body)})
.then(function(r){if(r.status===202){f.hidden=true;done.querySelector('[data-channel="'+c+'"]').hidden=false;done.hidden=false;done.focus();return}
return r.json().then(function(j){fail(j.error)})}).catch(function(){fail(null)}).then(function(){b.disabled=false})})
})();`;

/** GET /: the signup form first (beside the promise on wide screens), then who it is for, what happens next, privacy, a sample, the steps. */
export function LandingPage(props: LandingPageProps) {
  const { course, otherCourses, intro, sample, supportLine, error, values = {} } = props;
  const { days } = course;
  const isSeed = course.path === '/';
  const channel = values.channel ?? 'email';
  const role = values.role ?? 'together';
  const sendHour = values.sendHour ?? props.defaultSendHour;
  const country = values.country ?? props.smsCountries[0];
  const errorFor = (field: string) => (error && error.field === field ? error.message : '');
  const formError = error && !FIELDS_WITH_ERRORS.some((field) => field === error.field) ? error.message : '';
  const invalid = (field: string) => (errorFor(field) ? 'true' : undefined);
  const hotline = supportLineParts(supportLine);
  const runBy = props.operatorName ? `Run by ${props.operatorName}.` : 'Run independently as a self-guided course.';

  return (
    <Layout title={course.title} script={SIGNUP_SCRIPT} wide>
      <div class="hero">
        <div class="hero-text">
          <h1 lang={course.language} dir={course.dir}>{course.title}</h1>
          <p class="lead">
            {isSeed
              ? `One gentle step a day for ${days.length} days, by email or text. Free, for the partner who broke trust, the partner who was hurt, or both of you together.`
              : `${course.description} One step a day for ${days.length} days, by email or text. Free.`}
          </p>
          <aside class="safety compact" aria-label="Your safety">
            <p>
              Not for relationships with abuse or violence. If you are not safe,{' '}
              {hotline ? (
                <>
                  call{' '}
                  <a class="tel" href={hotline.telUrl}>
                    {hotline.phone}
                  </a>
                </>
              ) : (
                <>contact {supportLine}</>
              )}
              .
            </p>
          </aside>
          <ul class="hero-points">
            <li>Free: no account, no payment.</li>
            <li>A few quiet minutes a day: a short reading, a practice and one question.</li>
            <li>Your replies are kept encrypted in a private journal that your own link opens.</li>
            <li>Pause, change the hour or stop whenever you need to.</li>
          </ul>
        </div>

        <section class="hero-form" aria-labelledby="signup-heading">
          <h2 id="signup-heading" class="visually-hidden">
            Start the course
          </h2>
          <form id="signup" class="card signup" method="post" action="/api/subscribe">
            <fieldset class="inline-choices" aria-describedby="channel-error">
              <legend>Receive the steps</legend>
              <label class="choice">
                <input type="radio" name="channel" value="email" checked={channel === 'email'} />
                <span>By email</span>
              </label>
              <label class="choice">
                <input type="radio" name="channel" value="sms" checked={channel === 'sms'} />
                <span>By text (SMS)</span>
              </label>
              <FieldError field="channel" message={errorFor('channel')} />
            </fieldset>

            <fieldset data-channel="email">
              <legend class="visually-hidden">For email</legend>
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
              <legend class="visually-hidden">For text messages</legend>
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
                  +1 555 123 4567 or a national number. {SMS_HOURS_NOTE}
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
                  <span class="hint">{props.smsConsentText}</span>
                </label>
                <FieldError field="consent" message={errorFor('consent')} />
              </div>
            </fieldset>

            <div class="field">
              <label for="sendHour">Time of day for each step</label>
              <select id="sendHour" name="sendHour" aria-describedby="sendHour-hint sendHour-error" aria-invalid={invalid('sendHour')}>
                {HOURS.map((hour) => (
                  <option value={String(hour)} selected={hour === sendHour}>
                    {formatHourOfDay(hour, true)}
                  </option>
                ))}
              </select>
              <p class="hint" id="sendHour-hint">
                In your time zone: <span id="sendHour-place">UTC</span>.
              </p>
              <FieldError field="sendHour" message={errorFor('sendHour')} />
            </div>

            <fieldset class="inline-choices" aria-describedby="role-hint role-error">
              <legend>How do you come to this course?</legend>
              {ROLES.map((option) => (
                <label class="choice">
                  <input type="radio" name="role" value={option} checked={option === role} />
                  <span>{ROLE_LABELS[option]}</span>
                </label>
              ))}
              <p class="hint" id="role-hint">
                Optional. It only picks your daily questions; change it any time.
              </p>
              <FieldError field="role" message={errorFor('role')} />
            </fieldset>

            <input type="hidden" name="timezone" value="UTC" />
            <input type="hidden" name="course" value={course.id} />
            <noscript>
              <p class="hint">
                Without JavaScript we can't read your time zone, so the hour above is in UTC. You can change your time zone
                later from your private journal.
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
      </div>

      <div class="prose">
        <section aria-labelledby="who-heading">
          <h2 id="who-heading">Who it is for</h2>
          <p>
            For couples rebuilding trust after it was broken, by dishonesty, betrayal, broken promises or distance. You can take
            it alone or side by side: each day’s question fits whether you broke trust, were hurt, or are doing this
            together.
          </p>
          <aside class="safety" aria-labelledby="safety-heading">
            <h3 id="safety-heading">Your safety comes first</h3>
            <p>
              This course is not meant for relationships with abuse or violence. If you are not safe, please contact{' '}
              <SupportLine line={supportLine} />. If you are in immediate danger, call your local emergency number.
            </p>
          </aside>
        </section>

        <section aria-labelledby="next-heading">
          <h2 id="next-heading">What happens next</h2>
          <ol>
            <li>You confirm: a link by email, or reply YES to a text. Nothing is sent before that.</li>
            <li>A short welcome arrives at once.</li>
            <li>Day 1 arrives at the hour you chose, then one step a day for {days.length} days.</li>
            <li>Reply whenever you like. Pause, change the time or stop at any moment.</li>
          </ol>
        </section>

        <section aria-labelledby="privacy-heading">
          <h2 id="privacy-heading">Free, and private</h2>
          <p>
            The course is free: no account, no payment. Text messages may carry your carrier’s
            usual rates.
          </p>
          <p>
            Your replies are kept as reflections, stored encrypted. You read them in your private journal, through the link in
            every message, and you can download or delete everything there.{' '}
            {props.adminShowsReflections
              ? 'The people who run this service have chosen to be able to read reflections on their admin page, alongside counts and safety flags.'
              : 'The people who run this service see counts and safety flags (a reply that speaks of danger), not what you write.'}
          </p>
          <p>{runBy} It is not therapy or counseling.</p>
        </section>

        <section aria-labelledby="sample-heading">
          <h2 id="sample-heading">A sample step</h2>
          <div class="card sample">
            <p class="eyebrow">
              Day {sample.day} of {days.length}
            </p>
            <h3>{sample.title}</h3>
            {sample.quote && (
              <blockquote>
                <p>{`\u201c${sample.quote}\u201d`}</p>
              </blockquote>
            )}
            <p>{sample.text}</p>
            <p>
              <strong>A practice for today:</strong> {sample.practice}
            </p>
            <p>
              <strong>To reflect on:</strong> {sample.prompt}
            </p>
            <p class="hint">
              The practice and question are ours; the rest is the course text. <a href={days[0]?.path ?? '/'}>See Day {sample.day} for each role</a>
            </p>
          </div>
        </section>

        <section aria-labelledby="about-heading">
          <h2 id="about-heading">What this course is</h2>
          <div lang={course.language} dir={course.dir}>
            {intro.map((paragraph) => (
              <p>{paragraph}</p>
            ))}
          </div>
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
          <p>
            <a href="#signup">Start the course</a>
          </p>
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
      </div>
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
