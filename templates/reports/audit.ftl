<#--
  Practice recovery diagnostic (GET /api/v1/reports/audit.pdf). Rendered by io.arbiter.reports.AuditReportPdf
  through a sandboxed FreeMarker configuration (XHTML auto-escaping, no ?new, no ?api, plain data only) and
  Flying Saucer/OpenPDF, in the packets' style. Values arrive formatted ($1,234.56, MM/DD/YYYY).
-->
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<title>Practice recovery diagnostic</title>
<style type="text/css">
  @page { size: letter; margin: 0.7in 0.7in 0.8in 0.7in;
          @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; color: #555; } }
  body { font-family: "DejaVu Sans", sans-serif; font-size: 9pt; color: #111; line-height: 1.3; }
  h1 { font-size: 18pt; margin: 0 0 4pt 0; color: #1f3b5a; }
  h2 { font-size: 12pt; margin: 14pt 0 5pt 0; padding-bottom: 2pt; border-bottom: 1pt solid #1f3b5a; color: #1f3b5a; page-break-after: avoid; }
  p { margin: 0 0 5pt 0; }
  table { width: 100%; border-collapse: collapse; margin: 3pt 0 8pt 0; -fs-table-paginate: paginate; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; }
  th { background: #e8eef4; font-weight: bold; text-align: left; }
  th, td { border: 0.5pt solid #9aa5b1; padding: 2pt 4pt; vertical-align: top; }
  td.num, th.num { text-align: right; white-space: nowrap; }
  tr.total td { font-weight: bold; background: #f4f6f8; }
  .muted { color: #555; font-size: 8pt; }
</style>
</head>
<body>
<h1>Practice recovery diagnostic</h1>
<p>${practice} — period ${period}; ${claims} claims; generated ${generated}.</p>

<h2 id="sec-summary">Summary</h2>
<table>
  <thead><tr><th>What</th><th class="num">Items</th><th class="num">Dollars</th></tr></thead>
  <tbody>
  <#list summary as s>
    <tr><td>${s.label}</td><td class="num">${s.count}</td><td class="num">${s.amount}</td></tr>
  </#list>
  <tr class="total"><td>Total</td><td class="num"></td><td class="num">${total}</td></tr>
  </tbody>
</table>
<p>Recoverable estimate on denials: <b>${recoverable}</b>. Recovery rate on appealable denials: <b>${recoveryRate}</b>
  (recovered ${recovered} ÷ appealable denied ${appealable}); on appealed denials: <b>${appealedRate}</b>.</p>

<#macro groupTable title rows recoverableColumn subgroupLabel>
<h2>${title}</h2>
<#if rows?size == 0><p class="muted">None in this period.</p><#else>
<table>
  <thead><tr><th>Group</th><#if subgroupLabel != ""><th>${subgroupLabel}</th></#if><th class="num">Items</th><th class="num">Dollars</th>
    <#if recoverableColumn><th class="num">Recoverable</th></#if></tr></thead>
  <tbody>
  <#list rows as g>
    <tr><td>${g.group}</td><#if subgroupLabel != ""><td>${g.subgroup}</td></#if><td class="num">${g.count}</td><td class="num">${g.amount}</td>
      <#if recoverableColumn><td class="num">${g.recoverable}</td></#if></tr>
  </#list>
  </tbody>
</table>
</#if>
</#macro>

<@groupTable title="Underpayments by payer and code" rows=underpayments recoverableColumn=false subgroupLabel="Code"/>
<@groupTable title="Denials by category" rows=denials recoverableColumn=true subgroupLabel=""/>
<@groupTable title="Prior-authorization gaps" rows=authGaps recoverableColumn=false subgroupLabel=""/>
<@groupTable title="Coding-rule hits" rows=coding recoverableColumn=false subgroupLabel=""/>

<h2>Every finding</h2>
<table>
  <thead><tr><th>Section</th><th>Claim</th><th>Code</th><th>Rule</th><th class="num">Dollars</th></tr></thead>
  <tbody>
  <#list items as i>
    <tr><td>${i.section}</td><td>${i.claim}</td><td>${i.code}</td><td>${i.rule}</td><td class="num">${i.amount}</td></tr>
  </#list>
  </tbody>
</table>

<h2>Notes and sources</h2>
<#list notes as n><p class="muted">${n}</p></#list>
<#list citations as c><p class="muted">${c}</p></#list>
</body>
</html>
