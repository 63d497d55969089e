// Styles shared by the operator's and developer's pages (admin, outbox): tables that never break words, forms in a row, no page-wide scroll.

/**
 * Added after the site's stylesheet by the admin and outbox pages. Tables sit in a `.table-scroll` box that
 * scrolls on its own when a phone is too narrow, so the page itself never scrolls sideways; cells wrap only
 * between words, and ids and addresses (`.id`) never break: an id split in two cannot be read or copied.
 */
export const DESK_STYLES = `
.desk{overflow-wrap:break-word}
.desk th,.desk td{overflow-wrap:normal;word-break:normal;hyphens:none}
.desk th{white-space:nowrap}
.desk .id,.desk code{white-space:nowrap;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.875em}
.desk .nowrap{white-space:nowrap}
.table-scroll{overflow-x:auto;max-width:100%;margin:0 0 1.5rem}
.table-scroll table{margin:0}
.desk table{font-size:.9375rem}
.desk .actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.5rem 0 1rem}
.desk .actions form{margin:0}
.desk button.secondary,.desk .button.secondary{color:var(--accent);background:transparent;border:1px solid var(--accent)}
.desk button.small{min-height:2.75rem;padding:.375rem .875rem;font-size:.9375rem}
.desk .link-button{background:none;border:0;padding:0;min-height:0;color:var(--accent);font-weight:normal;text-decoration:underline;text-underline-offset:.18em;cursor:pointer}
.desk input[type=text],.desk input[type=search],.desk textarea{display:block;width:100%;min-height:2.875rem;padding:.5rem .75rem;font:inherit;color:var(--ink);background:var(--card);border:1px solid var(--control);border-radius:.5rem}
.desk textarea{min-height:6rem;resize:vertical}
.desk .filters{display:flex;flex-wrap:wrap;gap:.75rem 1rem;align-items:flex-end;margin:0 0 1.5rem}
.desk .filters .field{margin:0;flex:1 1 12rem}
.desk .recipient{background:var(--card);border:1px solid var(--rule);border-radius:.5rem;padding:.875rem 1rem;margin:0 0 1rem}
.desk .recipient h2{margin:0 0 .25rem;font-size:1.125rem;overflow-wrap:anywhere}
.desk .messages{list-style:none;padding:0;margin:.5rem 0}
.desk .messages li{display:flex;flex-wrap:wrap;justify-content:space-between;gap:0 1rem;padding:.375rem 0;border-top:1px solid var(--rule)}
.desk .messages time{color:var(--muted);font-size:.9375rem}
.desk dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.125rem .75rem;margin:0 0 1rem;font-size:.9375rem}
.desk dl.facts dt{color:var(--muted)}
.desk dl.facts dd{margin:0;overflow-wrap:anywhere}
.desk pre{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--card);border:1px solid var(--rule);padding:.75rem;border-radius:.375rem;font-size:.875rem}
.desk iframe{display:block;width:100%;height:36rem;border:1px solid var(--rule);border-radius:.375rem;background:#fff}
.desk .status-note{background:var(--accent-soft);border-radius:.5rem;padding:.75rem 1rem;margin:0 0 1.25rem}
.desk .flag{font-weight:600;color:var(--error)}
.desk .topbar{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5rem 1rem;align-items:baseline}
.desk nav ul{list-style:none;padding:0;margin:0 0 1rem;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
`
  .trim()
  .replace(/\n/g, '');
