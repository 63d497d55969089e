// The layers of src/, checked on every test run: a pure core, adapters at the edge, features that stand alone, wiring in one place.
/** Pure modules: no I/O, no framework, importable from anywhere. */
const CORE = '^src/(schedule|messages|course|security|i18n|errors\\.ts|platform|generated)';
/** Adapters to the outside: the database and the providers. */
const ADAPTERS = '^src/(db|channels)/';
/** Adapter modules that also declare the domain's types. */
const DOMAIN_TYPES = '^src/(db/schema|channels/channel)\\.ts$';
/** Presentation: pages render data they are given. */
const PAGES = '^src/pages/';
/** The wiring modules that may see everything. */
const WIRING = '^src/(index|app|services|app-env)\\.tsx?$';
/** One folder per capability. */
const FEATURE = '^src/(?!(?:schedule|messages|course|security|i18n|platform|generated|db|channels|pages|http)/)([^/]+)/';

module.exports = {
  forbidden: [
    {
      name: 'core-stays-pure',
      comment: 'Scheduling, message building, the course model and signing are pure: they import no adapter, feature, page or wiring.',
      severity: 'error',
      from: { path: CORE },
      to: { path: [ADAPTERS, PAGES, WIRING, FEATURE, '^src/http/'], pathNot: DOMAIN_TYPES },
    },
    {
      name: 'core-takes-only-domain-types',
      comment: 'The schema and channel modules also declare the domain types (Channel, Role, OutgoingEmail); the core may name those types, never their values.',
      severity: 'error',
      from: { path: CORE },
      to: { path: DOMAIN_TYPES, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'adapters-never-import-features',
      comment: 'The database and the channels serve features; they never reach back into one, nor into a page.',
      severity: 'error',
      from: { path: ADAPTERS },
      to: { path: [FEATURE, PAGES, WIRING, '^src/http/'] },
    },
    {
      name: 'infrastructure-never-imports-pages',
      comment: 'HTTP plumbing and adapters do not render pages; features do.',
      severity: 'error',
      from: { path: ['^src/http/', ADAPTERS] },
      to: { path: PAGES },
    },
    {
      name: 'pages-render-only',
      comment: 'Pages take data; they never query, send or call a feature.',
      severity: 'error',
      from: { path: PAGES },
      to: { path: [ADAPTERS, FEATURE, WIRING], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'features-stand-alone',
      comment: "A feature never imports another feature's files; what one needs from another is injected by the wiring (services).",
      severity: 'error',
      from: { path: FEATURE, pathNot: '^src/dev/' },
      to: { path: FEATURE, pathNot: '^src/$1/' },
    },
    {
      name: 'try-out-drives-entry-points-only',
      comment: 'The local try-out (src/dev) answers messages through the real inbound paths, as a provider would: their entry points only.',
      severity: 'error',
      from: { path: '^src/dev/' },
      to: { path: FEATURE, pathNot: ['^src/dev/', '^src/inbound/(webhooks/twilio-routes|email/(inbound-email|email-routing))\\.ts$'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-test-code-in-src',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^src/generated/' },
  },
};
