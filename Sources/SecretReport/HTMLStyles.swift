/// The HTML report's one stylesheet, written verbatim into a `<style>` element.
///
/// It is a constant so that the page's Content-Security-Policy can allow exactly this text by its
/// hash (`sha256`) and nothing else: no `unsafe-inline`, no style attributes anywhere in the page
/// (charts use SVG presentation attributes and classes). `HTMLReportTests` recomputes the hash; after
/// editing the sheet, put the value the test prints into `sha256`.
///
/// System fonts only (the report is opened offline); severity colours are the same in the cards,
/// the charts and the table; a print section drops the controls and keeps cards, charts and table
/// rows from splitting across pages.
enum HTMLStyles {
    /// Base64 SHA-256 of `sheet`, for `style-src 'sha256-…'`.
    static let sha256 = "dMS7y8BrUZbLlNewq9rtZ4yoQWh4qaoM4f+o4dI+++Y="

    static let sheet = """
        :root{--ink:#0f172a;--ink2:#334155;--muted:#64748b;--line:#e2e8f0;--bg:#f1f5f9;--card:#fff;\
        --critical:#b91c1c;--high:#ea580c;--medium:#d4a106;--low:#2563eb;--ok:#15803d;\
        --mono:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono","Liberation Mono",monospace}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%}
        body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue","DejaVu Sans",Arial,sans-serif}
        code,.mono{font-family:var(--mono);font-size:12.5px}
        .masthead{background:#0f172a;color:#cbd5e1;padding:26px 0 22px}
        .masthead .wrap,main{max-width:1280px;margin:0 auto;padding-left:36px;padding-right:36px}
        .masthead .kicker{font-size:11px;letter-spacing:.14em;text-transform:uppercase;color:#94a3b8}
        .masthead h1{margin:4px 0 0;font-size:24px;font-weight:650;color:#fff}
        .masthead dl{display:flex;flex-wrap:wrap;gap:6px 28px;margin:14px 0 0;font-size:13px}
        .masthead dl div{display:flex;gap:6px;min-width:0}
        .masthead dt{color:#94a3b8}
        .masthead dd{margin:0;color:#e2e8f0;overflow-wrap:anywhere}
        main{padding-top:22px;padding-bottom:40px}
        .verdict{display:flex;align-items:center;gap:12px;padding:12px 16px;border-radius:8px;border:1px solid;font-weight:600}
        .verdict .mark{display:inline-block;width:10px;height:10px;border-radius:50%}
        .verdict.fail{background:#fef2f2;border-color:#fecaca;color:#7f1d1d}
        .verdict.fail .mark{background:var(--critical)}
        .verdict.pass{background:#f0fdf4;border-color:#bbf7d0;color:#14532d}
        .verdict.pass .mark{background:var(--ok)}
        .verdict .detail{font-weight:400;color:var(--ink2)}
        section{margin-top:26px}
        h2{font-size:15px;font-weight:650;margin:0 0 10px;color:var(--ink)}
        h2 .aside{font-weight:400;color:var(--muted);font-size:13px;margin-left:8px}
        h3{font-size:13px;font-weight:600;margin:0 0 8px;color:var(--ink2)}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(118px,1fr));gap:10px;margin-top:16px}
        .card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 14px;break-inside:avoid}
        .card .label{font-size:11px;letter-spacing:.07em;text-transform:uppercase;color:var(--muted)}
        .card .value{font-size:22px;white-space:nowrap;font-weight:650;line-height:1.25;margin-top:3px;font-variant-numeric:tabular-nums}
        .card .note{font-size:12px;color:var(--muted);margin-top:2px}
        .card.sev-critical{border-top:3px solid var(--critical)}
        .card.sev-high{border-top:3px solid var(--high)}
        .card.sev-medium{border-top:3px solid var(--medium)}
        .card.sev-low{border-top:3px solid var(--low)}
        .card.total{background:#0f172a;border-color:#0f172a}
        .card.total .label,.card.total .note{color:#94a3b8}
        .card.total .value{color:#fff}
        .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(400px,1fr));gap:12px}
        .chart{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 16px;break-inside:avoid}
        .chart svg{display:block;width:100%;height:auto}
        .chart .more{font-size:12px;color:var(--muted);margin-top:6px}
        svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;font-size:11px;fill:var(--ink2)}
        svg text.n{fill:var(--ink);font-weight:600}
        svg text.big{font-size:22px;font-weight:650;fill:var(--ink)}
        svg text.axis{fill:var(--muted);font-size:10px}
        svg .track{fill:#f1f5f9}
        svg .rule{stroke:var(--line);stroke-width:1}
        .f-critical{fill:var(--critical)}.f-high{fill:var(--high)}.f-medium{fill:var(--medium)}.f-low{fill:var(--low)}
        .s-critical{stroke:var(--critical)}.s-high{stroke:var(--high)}.s-medium{stroke:var(--medium)}.s-low{stroke:var(--low)}
        .s-empty{stroke:var(--line)}
        .legend{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12px;color:var(--ink2);margin-top:8px}
        .legend span::before{content:"";display:inline-block;width:9px;height:9px;border-radius:2px;margin-right:5px;vertical-align:-1px}
        .legend span.critical::before{background:var(--critical)}.legend span.high::before{background:var(--high)}
        .legend span.medium::before{background:var(--medium)}.legend span.low::before{background:var(--low)}
        .panel{background:var(--card);border:1px solid var(--line);border-radius:8px;overflow:hidden}
        .controls{display:flex;flex-wrap:wrap;align-items:center;gap:8px 12px;padding:10px 12px;border-bottom:1px solid var(--line);background:#f8fafc}
        .controls label{font-size:12px;color:var(--muted);display:flex;align-items:center;gap:6px}
        .controls select,.controls input{font:inherit;font-size:13px;padding:5px 8px;border:1px solid #cbd5e1;border-radius:6px;background:#fff;color:var(--ink)}
        .controls input{width:260px}
        .controls .status{margin-left:auto;font-size:12px;color:var(--muted)}
        .controls button,.pager button{font:inherit;font-size:12px;padding:5px 10px;border:1px solid #cbd5e1;border-radius:6px;background:#fff;color:var(--ink);cursor:pointer}
        .controls button:disabled,.pager button:disabled{opacity:.45;cursor:default}
        table{width:100%;border-collapse:collapse}
        table.findings{table-layout:fixed}
        col.c-sev{width:112px}col.c-rule{width:19%}col.c-loc{width:27%}col.c-secret{width:10%}
        th{text-align:left;font-size:11px;letter-spacing:.06em;text-transform:uppercase;color:var(--muted);font-weight:600;padding:8px 12px;border-bottom:1px solid var(--line);background:#f8fafc;white-space:nowrap}
        th button{all:unset;cursor:pointer}
        th button::after{content:" \\2195";color:#cbd5e1}
        th[aria-sort=ascending] button::after{content:" \\2191";color:var(--ink2)}
        th[aria-sort=descending] button::after{content:" \\2193";color:var(--ink2)}
        td{padding:8px 12px;border-bottom:1px solid #eef2f6;vertical-align:top}
        td code{overflow-wrap:anywhere;word-break:break-word}
        tr.member td{border-bottom-color:transparent}
        tr.pair td:first-child{box-shadow:inset 3px 0 0 #7c3aed}
        .pairtag{display:inline-block;margin-top:4px;font-size:10px;font-weight:600;letter-spacing:.05em;text-transform:uppercase;color:#6d28d9;background:#ede9fe;border-radius:4px;padding:1px 6px}
        .sev{display:inline-block;min-width:62px;text-align:center;font-size:11px;font-weight:600;color:#fff;border-radius:4px;padding:2px 7px;text-transform:uppercase;letter-spacing:.04em;print-color-adjust:exact;-webkit-print-color-adjust:exact}
        .sev.critical{background:var(--critical)}.sev.high{background:var(--high)}.sev.medium{background:var(--medium)}.sev.low{background:var(--low)}
        .title{color:var(--muted);font-size:12px}
        .secret{background:#fef2f2;color:#7f1d1d;border-radius:4px;padding:1px 5px}
        .excerpt{display:block;background:#f8fafc;border:1px solid #eef2f6;border-radius:4px;padding:4px 7px;margin-bottom:4px;white-space:pre-wrap}
        .facts{font-size:12px;color:var(--muted)}
        .facts b{color:var(--ink2);font-weight:600}
        .facts .fp{font-family:var(--mono);font-size:11px}
        .removed{color:var(--critical);font-weight:600}
        .pager{display:flex;gap:8px;justify-content:flex-end;align-items:center;padding:10px 12px;font-size:12px;color:var(--muted)}
        .empty{padding:28px;text-align:center;color:var(--muted)}
        .manifest{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:12px}
        .manifest .panel{padding:0}
        .manifest h3{padding:12px 14px 0}
        dl.facts-list{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0;padding:4px 14px 14px;font-size:13px}
        dl.facts-list dt{color:var(--muted)}
        dl.facts-list dd{margin:0;overflow-wrap:anywhere}
        .gap{color:var(--critical);font-weight:600}
        .bydesign{color:var(--muted)}
        .wide{margin-top:12px}
        .warnings li{margin:2px 0}
        footer{margin-top:32px;font-size:12px;color:var(--muted);border-top:1px solid var(--line);padding-top:12px}
        @media print{
        @page{margin:14mm}
        body{background:#fff;font-size:11px}
        .masthead{background:#fff;color:var(--ink);border-bottom:2px solid var(--ink);padding:0 0 10px}
        .masthead .wrap,main{padding-left:0;padding-right:0;max-width:none}
        .masthead h1,.masthead dd{color:var(--ink)}
        .masthead dt,.masthead .kicker{color:var(--muted)}
        .card.total{background:#fff;border-color:var(--line)}
        .card.total .value{color:var(--ink)}
        .controls,.pager,noscript{display:none}
        .charts{grid-template-columns:1fr 1fr}
        .panel{overflow:visible}
        tr{break-inside:avoid}
        thead{display:table-header-group}
        th button::after{content:""}
        section{break-inside:auto}
        h2{break-after:avoid}
        }
        """
}
