// The archive's one stylesheet, served from /assets/site.css (the CSP allows styles from the
// site itself only, so nothing is inline). Plain and fluid: system fonts, one readable column
// that narrows on a phone, NHS-blue links with a visible focus ring (WCAG 2.2 SC 2.4.7), and a
// print style that drops navigation and prints each link's address after it.
export const SITE_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; line-height: 1.5; color: #212b32; background: #fff; }
body { margin: 0; }
a { color: #005eb8; text-decoration: underline; text-underline-offset: 0.15em; }
a:visited { color: #330072; }
a:hover { color: #7c2855; }
a:focus-visible, input:focus-visible, button:focus-visible, main:focus-visible { outline: 3px solid #ffb81c; outline-offset: 2px; }
.skip-link { position: absolute; left: -999px; top: 0; padding: 0.5rem 1rem; background: #ffb81c; color: #212b32; z-index: 10; }
.skip-link:focus { left: 0.5rem; top: 0.5rem; }
.site-header { background: #005eb8; color: #fff; padding: 0.75rem 1rem; }
.site-header a, .site-header a:visited { color: #fff; }
.site-name { margin: 0 0 0.25rem 0; font-weight: 700; font-size: 1.15rem; }
.nav { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
.nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
main { display: block; max-width: 46rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0.5rem 0 0.5rem 0; }
h2 { font-size: 1.3rem; line-height: 1.3; margin: 1.75rem 0 0.5rem 0; }
h3 { font-size: 1.1rem; margin: 1.25rem 0 0.25rem 0; }
.muted, .host { color: #4c6272; font-size: 0.9rem; }
.week-line { color: #4c6272; margin: 0 0 1rem 0; }
.entries { padding-left: 1.4rem; margin: 0; }
.entry { margin: 0 0 1rem 0; overflow-wrap: anywhere; }
.why-label { margin: 0.5rem 0 0 0; font-weight: 600; }
.why-list { padding-left: 1.4rem; margin: 0 0 0.5rem 0; }
.coverage { color: #4c6272; font-size: 0.9rem; margin-top: 1.5rem; border-top: 1px solid #d8dde0; padding-top: 0.75rem; }
.weeks, .hits, .plain-list { list-style: none; padding: 0; margin: 0; }
.weeks h2, .hits h2 { font-size: 1.15rem; margin: 0 0 0.25rem 0; }
.weeks p, .hits p { margin: 0.25rem 0; }
.weeks li, .hits li { padding: 0.75rem 0; border-bottom: 1px solid #d8dde0; overflow-wrap: anywhere; }
.search-form { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: flex-end; margin: 0 0 1rem 0; }
.search-form label { flex-basis: 100%; font-weight: 600; }
.search-form input[type="search"] { flex: 1 1 16rem; min-width: 0; font: inherit; padding: 0.4rem 0.5rem; border: 2px solid #4c6272; border-radius: 0; }
.search-form button { font: inherit; padding: 0.4rem 1rem; background: #007f3b; color: #fff; border: 0; cursor: pointer; }
.note { background: #e8f1f8; padding: 0.5rem 0.75rem; margin: 0.5rem 0; }
.error { border-left: 6px solid #d5281b; padding: 0.5rem 0.75rem; background: #fff; margin: 0.5rem 0; }
mark { background: #fff9c4; color: inherit; padding: 0 0.1em; }
code, .ref { font-family: ui-monospace, "Cascadia Mono", Menlo, Consolas, monospace; font-size: 0.9em; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.5rem; border-bottom: 1px solid #d8dde0; }
.status-ok { color: #006530; font-weight: 600; }
.status-failing { color: #a01a12; font-weight: 600; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.pager { display: flex; gap: 1rem; margin: 1rem 0; }
.site-footer { max-width: 46rem; margin: 2rem auto 0 auto; padding: 1rem; color: #4c6272; font-size: 0.9rem; border-top: 1px solid #d8dde0; }
@media (max-width: 30rem) {
  h1 { font-size: 1.4rem; }
  main { padding: 0.75rem; }
  dl.facts { grid-template-columns: 1fr; }
}
@media (max-width: 40rem) {
  table, thead, tbody, tr, th, td, caption { display: block; }
  thead tr { position: absolute; left: -9999px; }
  tr { border-bottom: 1px solid #d8dde0; padding: 0.5rem 0; }
  th, td { border: 0; padding: 0.1rem 0; }
  td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
}
@media print {
  .site-header nav, .skip-link, .search-form, .pager, .site-footer { display: none; }
  .site-header { background: none; color: #000; padding: 0; }
  .site-header a { color: #000; text-decoration: none; }
  main { max-width: none; padding: 0; }
  a { color: #000; }
  .entry a[href^="http"]::after { content: " <" attr(href) ">"; font-size: 0.8em; overflow-wrap: anywhere; }
  .entry, .hits li, .weeks li { break-inside: avoid; }
  mark { background: none; font-weight: 700; }
}
`.trimStart();
