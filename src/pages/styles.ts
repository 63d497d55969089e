// The one inline stylesheet every page shares: a calm palette with AA contrast in light and dark, mobile-first, system fonts only.

/** The page palette; the email templates use the same light colours so both feel like one place. */
export const PAGE_COLORS = {
  light: {
    page: '#f4f1ec',
    card: '#ffffff',
    ink: '#1f2933',
    muted: '#4a5560',
    accent: '#1d5c57',
    onAccent: '#ffffff',
    accentSoft: '#e8f0ef',
    rule: '#d9d4cc',
    control: '#6b6f76',
    error: '#a11d1d',
    safety: '#fbf3e4',
    safetyRule: '#8a5a12',
  },
  dark: {
    page: '#171b1f',
    card: '#22272d',
    ink: '#ece8e1',
    muted: '#b9c0c7',
    accent: '#7fcabf',
    onAccent: '#0f1f1d',
    accentSoft: '#1f3532',
    rule: '#3a4149',
    control: '#8d949c',
    error: '#ffb3b3',
    safety: '#2b2418',
    safetyRule: '#d9a653',
  },
} as const;

type Palette = Record<keyof (typeof PAGE_COLORS)['light'], string>;

const toVariables = (palette: Palette) =>
  Object.entries(palette)
    .map(([name, value]) => `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}:${value}`)
    .join(';');

/**
 * The stylesheet, as one string for a single <style> element. Exported so a Content-Security-Policy
 * can allow it by hash.
 */
export const PAGE_STYLES = `
:root{color-scheme:light dark;${toVariables(PAGE_COLORS.light)}}
@media (prefers-color-scheme:dark){:root{${toVariables(PAGE_COLORS.dark)}}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--page);color:var(--ink);font:1.0625rem/1.65 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
[hidden]{display:none!important}
a{color:var(--accent);text-underline-offset:.18em}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px;border-radius:2px}
.skip{position:absolute;left:-999rem;top:.5rem;background:var(--card);padding:.5rem 1rem;z-index:1}
.skip:focus{left:.5rem}
.wrap{max-width:40rem;margin:0 auto;padding:0 1.125rem}
.wrap.wide{max-width:72rem}
.site-header{border-bottom:1px solid var(--rule)}
.site-header .wrap{padding-top:.875rem;padding-bottom:.875rem}
.brand{font-family:Georgia,"Times New Roman",serif;font-size:1.125rem;color:var(--ink);text-decoration:none;letter-spacing:.02em}
main{padding:1.75rem 0 3rem}
main:focus{outline:none}
h1,h2,h3{font-family:Georgia,"Times New Roman",serif;font-weight:normal;line-height:1.25;margin:1.75em 0 .5em}
h1{font-size:1.875rem;margin-top:0}
h2{font-size:1.375rem}
h3{font-size:1.125rem}
p,ul,ol{margin:0 0 1em}
.lead{font-size:1.125rem}
.muted,.hint{color:var(--muted)}
.hint{font-size:.9375rem;margin:.25rem 0 0}
.card{background:var(--card);border:1px solid var(--rule);border-radius:.75rem;padding:1.25rem;margin:1.5rem 0}
.card :is(h2,h3):first-child{margin-top:0}
.safety{background:var(--safety);border-left:4px solid var(--safety-rule);border-radius:.5rem;padding:1rem 1.25rem;margin:2rem 0}
.safety :is(h2,h3){margin-top:0;font-size:1.25rem}
.safety p:last-child{margin-bottom:0}
.steps li{margin:.25rem 0}
.eyebrow{color:var(--muted);font-size:.9375rem;letter-spacing:.04em;margin:0 0 .5rem}
blockquote{margin:1.5rem 0;padding:.25rem 0 .25rem 1.25rem;border-left:4px solid var(--accent);font-family:Georgia,"Times New Roman",serif;font-size:1.3125rem;line-height:1.45}
blockquote p{margin:0}
.ours{background:var(--accent-soft);border-radius:.75rem;padding:1.25rem;margin:2rem 0}
.ours h2{margin-top:0}
.ours h3{margin-top:1.25rem}
.ours p:last-child{margin-bottom:0}
.pager{display:flex;flex-wrap:wrap;justify-content:space-between;gap:1rem;margin-top:2.5rem;padding-top:1rem;border-top:1px solid var(--rule)}
.pager a{display:inline-block;padding:.5rem 0}
.pager .next{margin-left:auto}
fieldset{border:0;margin:0 0 1.25rem;padding:0}
legend{font-weight:600;padding:0;margin-bottom:.375rem}
.field{margin:0 0 1.25rem}
label{display:block;font-weight:600;margin-bottom:.25rem}
.choice{display:flex;align-items:flex-start;gap:.625rem;font-weight:normal;margin:.375rem 0;cursor:pointer}
.choice input{width:1.25rem;height:1.25rem;margin:.2rem 0 0;flex:none;accent-color:var(--accent)}
input[type=email],input[type=tel],input[type=password],select{display:block;width:100%;min-height:2.875rem;padding:.5rem .75rem;font:inherit;color:var(--ink);background:var(--card);border:1px solid var(--control);border-radius:.5rem}
input[aria-invalid=true],select[aria-invalid=true]{border:2px solid var(--error)}
.field-error,.form-error{color:var(--error);font-weight:600;margin:.375rem 0 0}
.field-error:empty,.form-error:empty{display:none}
button,.button{display:inline-block;min-height:2.875rem;padding:.625rem 1.5rem;font:inherit;font-weight:600;color:var(--on-accent);background:var(--accent);border:0;border-radius:.5rem;cursor:pointer;text-decoration:none}
button:disabled{opacity:.7;cursor:progress}
.notice{margin:1.5rem 0}
.visually-hidden{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.tel{white-space:nowrap;font-weight:600}
.hero{display:grid;gap:.5rem 2.5rem;align-items:start}
.hero h1{font-size:1.5rem;margin-bottom:.375rem}
.hero .lead{font-size:.9375rem;line-height:1.5;margin-bottom:.5rem}
.safety.compact{margin:.5rem 0;padding:.375rem .75rem;font-size:.875rem;line-height:1.45}
.signup{margin:.5rem 0 0;padding:.75rem 1rem;font-size:.9375rem;line-height:1.45}
.signup fieldset,.signup .field{margin-bottom:.5rem}
.signup legend,.signup label{margin-bottom:.125rem}
.signup .choice{margin:.125rem 0}
.signup .hint{font-size:.8125rem;line-height:1.35;margin-top:.125rem}
.signup input[type=email],.signup input[type=tel],.signup select{min-height:2.5rem;padding:.375rem .625rem}
.signup button{width:100%}
.inline-choices{display:flex;flex-wrap:wrap;gap:0 1rem}
.inline-choices legend{width:100%}
.inline-choices .field-error,.inline-choices .hint{width:100%}
.prose{max-width:40rem}
.hero-points{display:none}
.sample blockquote{font-size:1.125rem}
.role-block h3{margin-top:1rem}
.progress{height:.75rem;background:var(--rule);border-radius:999px;overflow:hidden;margin:.25rem 0 .75rem}
.progress span{display:block;height:100%;background:var(--accent);border-radius:999px}
.reflections{list-style:none;padding:0;margin:.5rem 0 1rem}
.reflection{margin:0 0 1rem}.reflection figcaption{margin:0}
.reflections blockquote{font-size:1.0625rem;margin:.375rem 0 .75rem}
.reflections blockquote p{margin:0 0 .5em}
.secondary{background:transparent;color:var(--accent);border:2px solid var(--accent)}
.link-button{background:none;border:0;padding:0;min-height:0;color:var(--accent);font-weight:normal;text-decoration:underline;cursor:pointer}
.upcoming{color:var(--muted)}
.site-footer{border-top:1px solid var(--rule);color:var(--muted);font-size:.9375rem;padding:1.25rem 0 2rem}
.outbox article{background:var(--card);border:1px solid var(--rule);border-radius:.5rem;padding:1rem;margin:0 0 1.25rem}
.outbox h2{margin:0 0 .5rem;font-size:1.125rem}
.outbox dl{display:grid;grid-template-columns:max-content 1fr;gap:.125rem .75rem;margin:0 0 .75rem;font-size:.9375rem}
.outbox dt{color:var(--muted)}
.outbox dd{margin:0;overflow-wrap:anywhere}
.outbox pre{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--page);padding:.75rem;border-radius:.375rem;font-size:.875rem}
.outbox iframe{display:block;width:100%;height:32rem;border:1px solid var(--rule);border-radius:.375rem;background:#fff}
table{border-collapse:collapse;width:100%;margin:0 0 1.5rem;font-size:.9375rem}th,td{padding:.375rem .75rem;text-align:left;vertical-align:top;border-bottom:1px solid var(--rule);overflow-wrap:anywhere}th{font-weight:600}
@media (min-width:40rem){body{font-size:1.125rem}h1{font-size:2.25rem}.card{padding:1.75rem}.signup{padding:1rem 1.25rem}}
@media (min-width:56rem){.hero-points{display:block;margin-top:1.5rem;padding-left:1.25rem}.hero-points li{margin:.375rem 0}.hero{grid-template-columns:1fr 26rem}.hero h1{font-size:2.375rem;margin-top:1rem}.hero .lead{font-size:1.1875rem}.safety.compact{font-size:.9375rem}}
@media (prefers-reduced-motion:reduce){*{scroll-behavior:auto!important;transition:none!important}}
`
  .trim()
  .replace(/\n/g, '');
