"""The self-contained HTML document around a report: styles, script and a strict CSP.

The page shows untrusted article text. Escaping is the first defence; the second is a
Content-Security-Policy that allows only this page's own inline style and script (by
hash), so even a missed escape could neither run script nor load anything.
"""

from __future__ import annotations

import base64
import hashlib

from hypescore.report.highlight import escape_text
from hypescore.report.kinds import HYPE, SUBSTANCE, css_class, known_styles

_BASE_CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f3f4f6; color: #111827;
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
header.top { background: #111827; color: #f9fafb; padding: 18px 32px 14px; }
header.top h1 { margin: 0 0 4px; font-size: 22px; line-height: 1.3; font-weight: 650; }
header.top .meta { color: #9ca3af; font-size: 12.5px; }
header.top mark.ev { color: #111827; }
main { padding: 20px 32px 32px; max-width: 1360px; margin: 0 auto; }
.cards { display: grid; gap: 16px; margin-bottom: 16px;
  grid-template-columns: 300px minmax(380px, 1fr) minmax(300px, 1fr); }
@media (max-width: 1100px) { .cards { grid-template-columns: minmax(0, 1fr); } }
svg.bar { display: block; margin: 4px 0 10px; max-width: 100%; }
aside .card + .card { margin-top: 16px; }
.card { background: #fff; border-radius: 10px; padding: 14px 18px;
  box-shadow: 0 1px 2px rgba(0,0,0,.06), 0 1px 8px rgba(0,0,0,.04); }
.card h2 { margin: 0 0 8px; font-size: 13px; text-transform: uppercase; letter-spacing: .06em;
  color: #6b7280; font-weight: 600; }
.columns { display: grid; grid-template-columns: minmax(0, 1fr) 700px; gap: 16px;
  align-items: start; }
@media (max-width: 1100px) { .columns { grid-template-columns: minmax(0, 1fr); } }
.doc { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 16px; line-height: 1.75;
  font-family: Georgia, "DejaVu Serif", serif; max-width: 80ch; }
.muted { color: #6b7280; }
.error { background: #fef2f2; color: #991b1b; border: 1px solid #fecaca; }
.warn { background: #fffbeb; color: #92400e; border: 1px solid #fde68a; }
svg text { font-family: system-ui, "DejaVu Sans", sans-serif; }
svg .axis { font-size: 12px; fill: #6b7280; }
svg .axis.hype { fill: #c2410c; } svg .axis.substance { fill: #1d4ed8; }
svg .big { font-size: 34px; font-weight: 700; fill: #111827; }
svg .outof { font-size: 16px; font-weight: 500; fill: #6b7280; }
svg .caption { font-size: 13px; fill: #374151; font-weight: 600; }
svg .label { font-size: 13px; fill: #374151; font-weight: 600; }
svg .value { font-size: 13px; fill: #111827; font-weight: 700; }
svg .feature { font-size: 12px; fill: #1f2937;
  font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
svg .fvalue { fill: #6b7280; }
svg .cvalue { font-size: 11.5px; fill: #374151; }
svg.contrib { width: 100%; height: auto; }
svg .row-bg { fill: transparent; } svg .reason:hover .row-bg { fill: #f3f4f6; }
mark.ev { background: transparent; color: inherit; border-radius: 3px; padding: 0 1px; }
mark.ul-quote { box-shadow: inset 0 -2px 0 #2563eb; }
mark.ul-polar_sentence { text-decoration: underline wavy #ea580c 1px;
  text-underline-offset: 4px; }
body.focus mark.ev { opacity: .28; }
body.focus mark.ev.lit { opacity: 1; outline: 2px solid #111827; }
.legend { list-style: none; padding: 0; margin: 0; display: grid;
  grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 4px 16px; font-size: 13px; }
.legend li { display: flex; align-items: center; gap: 8px; cursor: default; }
.legend .chip { display: inline-block; width: 22px; height: 14px; border-radius: 3px; }
.legend .count { margin-left: auto; color: #6b7280; font-variant-numeric: tabular-nums; }
.legend h3 { grid-column: 1 / -1; margin: 8px 0 2px; font-size: 12px; color: #6b7280;
  font-weight: 600; }
table.grid { border-collapse: collapse; font-size: 14px; width: 100%; }
table.grid th, table.grid td { padding: 6px 10px; border-bottom: 1px solid #e5e7eb;
  text-align: left; vertical-align: top; }
main { overflow-wrap: break-word; }
table.grid .name { overflow-wrap: anywhere; min-width: 10ch; }
.table-scroll { max-width: 100%; overflow-x: auto; }
table.grid th { font-size: 12px; color: #6b7280; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.yes { color: #1d4ed8; font-weight: 600; } .no { color: #b91c1c; }
.exclusive { background: #fff7ed; }
.pill { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px;
  font-weight: 600; background: #e5e7eb; }
.pill.hype { background: #ffedd5; color: #9a3412; }
.pill.substance { background: #dbeafe; color: #1e40af; }
.story-cards {
  grid-template-columns: minmax(280px, 0.8fr) minmax(300px, 1fr) minmax(340px, 1.2fr); }
@media (max-width: 1100px) { .story-cards { grid-template-columns: minmax(0, 1fr); } }
#summary ul, #balance ul { margin: 0; padding-left: 18px; }
#summary li, #balance li { margin: 2px 0; }
.texts { display: grid; gap: 16px; margin-top: 16px;
  grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); }
.outlet-text h3 { margin: 0 0 8px; font-size: 17px; line-height: 1.35; }
.outlet-text .doc { font-size: 14.5px; line-height: 1.65; }
table.grid svg.bar { margin: 0; }
#outlets, #facts { margin-bottom: 16px; }
table.grid tr[data-feature]:hover { background: #f3f4f6; }
footer { color: #9ca3af; font-size: 12px; padding: 0 32px 24px; text-align: center; }
"""

_SCRIPT = """
(function () {
  function light(attribute, value) {
    var on = value !== null;
    document.querySelectorAll('mark.ev').forEach(function (mark) {
      var values = (mark.getAttribute(attribute) || '').split(' ');
      mark.classList.toggle('lit', on && values.indexOf(value) >= 0);
    });
    document.body.classList.toggle('focus', on);
  }
  function bind(selector, source, target) {
    document.querySelectorAll(selector).forEach(function (el) {
      el.addEventListener('mouseenter', function () { light(target, el.getAttribute(source)); });
      el.addEventListener('mouseleave', function () { light(target, null); });
    });
  }
  bind('[data-feature]', 'data-feature', 'data-features');
  bind('[data-legend-kind]', 'data-legend-kind', 'data-kinds');
})();
"""


def kind_css() -> str:
    """Highlight colours for every known kind, as classes on ``mark`` and legend chips."""
    rules = []
    for style in known_styles():
        if style.layer == "mark":
            rules.append(f"mark.{css_class(style.kind)} {{ background: {style.colour}; }}")
        rules.append(f".chip.{css_class(style.kind)} {{ background: {style.colour}; }}")
    rules.append("mark.fam-other { background: #e5e7eb; }")
    return "\n".join(rules)


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def document(title: str, body: str, *, footer: str = "") -> str:
    """A complete HTML page: nothing external, nothing inline runs unless hashed here."""
    css = _BASE_CSS + kind_css() + "\n"
    policy = (
        f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(_SCRIPT)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{escape_text(title)}</title>\n"
        f"<style>{css}</style>\n</head>\n<body>\n{body}\n"
        f"<footer>{footer}</footer>\n"
        f"<script>{_SCRIPT}</script>\n</body>\n</html>\n"
    )


def family_pill(family: str, text: str) -> str:
    """A small coloured label in the hype or substance family."""
    cls = family if family in (HYPE, SUBSTANCE) else ""
    return f'<span class="pill {cls}">{escape_text(text)}</span>'
