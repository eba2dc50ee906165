<#--
  Shared layout for every Arbiter packet. Edit freely; the packet's template version (stored with each
  generated PDF) hashes this file together with the packet's own template.
  Contract with the engine:
    * output must be well-formed XHTML without a DOCTYPE;
    * an element whose id starts with "sec-" is a section: it gets a PDF bookmark titled by data-title
      (put the id on the heading, not on a wrapper: a wrapper can start a page before its heading);
    * page footers (case number, "Page i of n", Bates number) are stamped by the engine on every page,
      including exhibits, so leave the bottom margin free;
    * values arrive already formatted (money $1,234.56, dates MM/DD/YYYY) and HTML-escaped automatically;
    * packet.date is the date the document carries (a notice: the date of its event); a deadline's label and
      its "past" flag are worded from that date (ends/ended, due/was due);
    * packet.withCover is true only for documents of three or more body pages;
    * cite.* holds only citations of primary sources (a missing one is absent: test with ??).
-->
<#macro document title subtitle sections>
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<title>${title}</title>
<style type="text/css">
  @page { size: letter; margin: 0.75in 0.75in 0.95in 0.75in; }
  body { font-family: "DejaVu Sans", sans-serif; font-size: 9pt; color: #111; line-height: 1.3; }
  h1 { font-size: 20pt; margin: 0 0 6pt 0; }
  h2 { font-size: 12.5pt; margin: 16pt 0 6pt 0; padding-bottom: 2pt; border-bottom: 1pt solid #1f3b5a; color: #1f3b5a; page-break-after: avoid; }
  h3 { font-size: 10.5pt; margin: 10pt 0 4pt 0; page-break-after: avoid; }
  p { margin: 0 0 6pt 0; }
  .cover { page-break-after: always; padding-top: 1.4in; }
  .cover .kind { font-size: 11pt; letter-spacing: 1pt; color: #1f3b5a; text-transform: uppercase; }
  .cover table.facts { margin-top: 28pt; width: 100%; }
  .cover table.facts td { border: none; border-bottom: 0.5pt solid #ccc; padding: 5pt 4pt; }
  .cover table.facts td.k { width: 38%; color: #555; }
  .contents { page-break-after: always; }
  .doc-head { font-size: 8.5pt; color: #1f3b5a; border-bottom: 0.5pt solid #9aa5b1; padding-bottom: 3pt; margin-bottom: 4pt; }
  .doc-head .kind { text-transform: uppercase; letter-spacing: 0.5pt; font-weight: bold; }
  a.toc { display: block; color: #111; text-decoration: none; padding: 3pt 0; border-bottom: 0.5pt dotted #bbb; }
  a.toc::after { content: leader('.') target-counter(attr(href), page); }
  div.toc { padding: 3pt 0; border-bottom: 0.5pt dotted #bbb; }
  div.toc::after { content: leader('.') attr(data-page); }
  table { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt 0; -fs-table-paginate: paginate; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; }
  th { background: #e8eef4; font-weight: bold; text-align: left; }
  th, td { border: 0.5pt solid #9aa5b1; padding: 2.5pt 3pt; vertical-align: top; font-size: 8pt; word-wrap: break-word; }
  /* amounts and dates are read whole: never broken across lines ("08/27 /2026"); the fit check in the
     renderer fails a packet whose column is too narrow for them */
  td.num, th.num { text-align: right; white-space: nowrap; }
  th.num { white-space: normal; }
  .date, td.date { white-space: nowrap; }
  /* a code with modifiers keeps a readable width beside a long text column (it may still wrap at its hyphens) */
  td.code { width: 5.5em; }
  /* fixed layout: column widths come from the template, not from the longest unbreakable text */
  table.fixed { table-layout: fixed; }
  .keep { page-break-inside: avoid; }
  tr.total td { font-weight: bold; background: #f4f6f8; }
  table.kv td.k { width: 34%; background: #f4f6f8; font-weight: bold; }
  .cite { font-size: 8pt; color: #444; }
  .note { font-size: 8.5pt; color: #333; border-left: 2pt solid #1f3b5a; padding-left: 6pt; margin: 6pt 0; }
  .missing { color: #a00000; font-weight: bold; }
  .sig { margin-top: 18pt; }
  .sig td { border: none; padding: 2pt 0; }
  .letterhead { border-bottom: 1pt solid #1f3b5a; padding-bottom: 4pt; margin-bottom: 12pt; }
</style>
</head>
<body>
<#if packet.withCover>
<div class="cover" id="sec-cover" data-title="Cover page">
  <div class="kind">${packet.title}</div>
  <h1>${subtitle}</h1>
  <table class="facts">
    <tr><td class="k">Case number</td><td>${packet.caseNumber}</td></tr>
    <tr><td class="k">Prepared by</td><td>${practice.name} (TIN ${practice.tin}, NPI ${practice.npi})</td></tr>
    <tr><td class="k">Payer</td><td>${payer.name}<#if payer.legalEntity??> — ${payer.legalEntity}</#if></td></tr>
    <tr><td class="k">Patient</td><td>${patient.name}</td></tr>
    <tr><td class="k">Payer claim number</td><td>${claim.payerClaimNumber}</td></tr>
    <tr><td class="k">Date(s) of service</td><td>${claim.datesOfService}</td></tr>
    <tr><td class="k">Lines in dispute</td><td>${totals.lineCount}</td></tr>
    <tr><td class="k">Date</td><td class="date">${packet.date}</td></tr>
    <tr><td class="k">Exhibits</td><td>${exhibits?size}</td></tr>
  </table>
</div>
<div class="contents" id="sec-contents" data-title="Table of contents">
  <h2>Table of contents</h2>
  <#list sections as id, t>
  <a class="toc" href="#${id}">${t}</a>
  </#list>
  <#list exhibits as e>
  <div class="toc" data-page="${e.startPage}">Exhibit ${e.letter} — ${e.title} (${e.pageCount} p., ${e.batesStart}–${e.batesEnd})</div>
  </#list>
</div>
<#else>
<#-- a short document has no cover: its title and subject head the first page instead -->
<div class="doc-head"><span class="kind">${packet.title}</span> · ${subtitle}</div>
</#if>
<#nested>
</body>
</html>
</#macro>

<#-- keep=true keeps a short section (the exhibit list) on one page with its heading, so a heading is never
     stranded at the bottom of a page. -->
<#macro section id title keep=false>
<div class="section<#if keep> keep</#if>">
<h2 id="${id}" data-title="${title}">${title}</h2>
<#nested>
</div>
</#macro>

<#macro cite c="">
<#-- only primary sources reach the model (PacketDataModel.cite); an absent citation prints nothing -->
<#if c?is_hash><span class="cite">${c.text} — ${c.url}</span></#if>
</#macro>

<#macro address a><#if a.line1??>${a.line1}<br/></#if>${a.cityLine}</#macro>

<#macro parties>
<table class="kv">
  <tr><td class="k">Provider (initiating party)</td><td>${practice.name}<br/>TIN ${practice.tin} · NPI ${practice.npi}<#if practice.address??><br/><@address practice.address/></#if></td></tr>
  <#if practice.renderingProviderName??><tr><td class="k">Rendering provider</td><td>${practice.renderingProviderName}<#if practice.renderingProviderNpi??> (NPI ${practice.renderingProviderNpi})</#if></td></tr></#if>
  <#if practice.contactName??><tr><td class="k">Contact</td><td>${practice.contactName}<#if practice.contactTitle??>, ${practice.contactTitle}</#if><#if practice.phone??> · ${practice.phone}</#if><#if practice.email??> · ${practice.email}</#if></td></tr></#if>
  <tr><td class="k">Plan / issuer / carrier</td><td>${payer.name}<#if payer.legalEntity??><br/>Legal name: ${payer.legalEntity}</#if><#if payer.planName??><br/>Plan: ${payer.planName}<#if payer.planType??> (${payer.planType})</#if></#if><#if payer.address??><br/><@address payer.address/></#if></td></tr>
  <tr><td class="k">Patient</td><td>${patient.name}<#if patient.dateOfBirth??> · DOB ${patient.dateOfBirth}</#if><#if patient.memberId??> · Member ID ${patient.memberId}</#if></td></tr>
  <tr><td class="k">Claim</td><td>Payer claim number ${claim.payerClaimNumber}<#if claim.patientControlNumber??> · Patient control number ${claim.patientControlNumber}</#if><br/>Date(s) of service ${claim.datesOfService}<#if claim.placeOfService??> · POS ${claim.placeOfService}</#if><#if claim.facilityName??> · ${claim.facilityName}</#if><#if claim.serviceState??>, ${claim.serviceState}</#if><#if claim.diagnosisCodes??><br/>Diagnoses: ${claim.diagnosisCodes}</#if></td></tr>
</table>
</#macro>

<#macro signature>
<table class="sig">
  <tr><td>Signature: ______________________________</td><td>Date: <span class="date">${packet.date!"____________"}</span></td></tr>
  <tr><td colspan="2">${practice.contactName!practice.name}<#if practice.contactTitle??>, ${practice.contactTitle}</#if> — on behalf of ${practice.name}</td></tr>
  <#if practice.address??><tr><td colspan="2"><@address practice.address/></td></tr></#if>
  <tr><td colspan="2"><#if practice.phone??>Telephone ${practice.phone}</#if><#if practice.email??> · E-mail ${practice.email}</#if></td></tr>
</table>
</#macro>

<#macro exhibitList>
<#if exhibits?has_content>
<table>
  <thead><tr><th>Exhibit</th><th>Title</th><th class="num">Pages</th><th>Bates range</th></tr></thead>
  <tbody>
  <#list exhibits as e><tr><td>${e.letter}</td><td>${e.title}</td><td class="num">${e.pageCount}</td><td>${e.batesStart}–${e.batesEnd}</td></tr></#list>
  </tbody>
</table>
<#else>
<p>No exhibits are attached.</p>
</#if>
</#macro>
