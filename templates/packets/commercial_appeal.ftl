<#import "_layout.ftl" as l>
<#-- Commercial appeal driven by the denial's CARC/RARC playbook: what the payer asked for, what is attached. -->
<#assign T = {
  "sec-letter": "Appeal of adverse benefit determination",
  "sec-evidence": "What the payer asked for and what is enclosed",
  "sec-services": "Services appealed",
  "sec-exhibits": "Enclosures"
}>
<@l.document title=packet.title subtitle="Appeal of ${denial.carc} denial — claim ${claim.payerClaimNumber}" sections=T>

<@l.section id="sec-letter" title=T["sec-letter"]>
<div class="letterhead">${practice.name} · TIN ${practice.tin} · NPI ${practice.npi}</div>
<p class="date">${packet.date}</p>
<p>${payer.name} — Appeals<br/><@l.address payer.address/></p>
<table class="kv">
  <tr><td class="k">Patient / member</td><td>${patient.name}<#if patient.memberId??> · Member ID ${patient.memberId}</#if></td></tr>
  <tr><td class="k">Claim number</td><td>${claim.payerClaimNumber}</td></tr>
  <tr><td class="k">Date(s) of service</td><td>${claim.datesOfService}</td></tr>
  <tr><td class="k">Denial received</td><td class="date">${dates.denialReceived}</td></tr>
  <tr><td class="k">Denial codes</td><td>${denial.carc}<#if denial.rarc??> / ${denial.rarc}</#if><#if denial.denialReason??> — ${denial.denialReason}</#if></td></tr>
  <#if deadline.APPEAL_DUE??><tr><td class="k">${deadline.APPEAL_DUE.label}</td><td class="date">${deadline.APPEAL_DUE.dueDate}</td></tr></#if>
</table>
<p>We appeal the denial of the services below and ask for a full and fair review. The denial asked for:
<strong>${denial.payerRequested}</strong>. Each item is addressed in the next section and the enclosed exhibits.</p>
<p><@l.cite cite.erisaAppeal/><#if denial.citation??><br/><@l.cite denial.citation/></#if></p>
<@l.signature/>
</@l.section>

<@l.section id="sec-evidence" title=T["sec-evidence"]>
<table>
  <thead><tr><th>Evidence</th><th>Status</th><th>Where</th></tr></thead>
  <tbody>
  <#list denial.evidence as ev><tr><td>${ev.description}</td><td><#if ev.attached>Enclosed<#else><span class="missing">Not enclosed</span></#if></td><td>${ev.exhibit!"—"}</td></tr></#list>
  </tbody>
</table>
<#if denial.missingCount gt 0><p class="note">${denial.missingCount} item(s) requested are not enclosed with this appeal.</p></#if>
</@l.section>

<@l.section id="sec-services" title=T["sec-services"]>
<table class="fixed">
  <thead><tr><th style="width:11%">Date</th><th style="width:12%">Code</th><th style="width:23%">Description</th><th class="num" style="width:15%">Billed</th><th class="num" style="width:15%">Paid</th><th style="width:12%">CARC</th><th style="width:12%">RARC</th></tr></thead>
  <tbody>
  <#list lines as ln><tr><td class="date">${ln.dateOfService}</td><td class="code">${ln.codeWithModifiers}</td><td>${ln.description!""}</td><td class="num">${ln.billed}</td><td class="num">${ln.paid!"$0.00"}</td><td>${ln.carc}</td><td>${ln.rarc}</td></tr></#list>
  <tr class="total"><td colspan="3">Total</td><td class="num">${totals.billed}</td><td class="num">${totals.paid!""}</td><td></td><td></td></tr>
  </tbody>
</table>
</@l.section>

<#-- no empty "Exhibits" page: the section is printed only when something is attached -->
<#if exhibits?has_content>
<@l.section id="sec-exhibits" title=T["sec-exhibits"] keep=true>
<@l.exhibitList/>
</@l.section>
</#if>
</@l.document>
