<#import "_layout.ftl" as l>
<#-- Texas workers' comp request for reconsideration (28 TAC §133.250): same bill, EOB attached, bill-specific reasons. -->
<#assign T = {
  "sec-request": "Request for reconsideration",
  "sec-services": "Services reconsidered",
  "sec-exhibits": "Enclosures"
}>
<@l.document title=packet.title subtitle="Reconsideration — carrier claim ${claim.payerClaimNumber}" sections=T>

<@l.section id="sec-request" title=T["sec-request"]>
<div class="letterhead">${practice.name} · TIN ${practice.tin} · NPI ${practice.npi}</div>
<p class="date">${packet.date}</p>
<p>${payer.name}<br/><@l.address payer.address/></p>
<table class="kv">
  <tr><td class="k">Injured employee</td><td>${patient.name}</td></tr>
  <tr><td class="k">Employer</td><td>${patient.employerName}</td></tr>
  <tr><td class="k">Date of injury</td><td>${patient.dateOfInjury}</td></tr>
  <tr><td class="k">Carrier claim number</td><td>${claim.payerClaimNumber}</td></tr>
  <tr><td class="k">Date(s) of service</td><td>${claim.datesOfService}</td></tr>
  <tr><td class="k">Explanation of benefits received</td><td class="date">${dates.carrierActionReceived}</td></tr>
  <#if deadline.RECONSIDERATION_DUE??><tr><td class="k">${deadline.RECONSIDERATION_DUE.label}</td><td class="date">${deadline.RECONSIDERATION_DUE.dueDate}</td></tr></#if>
</table>
<p>We request reconsideration of the bill below. It is the original bill with the same codes, dates and amounts; the
carrier's explanation of benefits is enclosed. The carrier paid less than the maximum allowable reimbursement (MAR) under
the Division's professional fee guideline for each service listed; the MAR computation is shown line by line.</p>
<p><@l.cite cite.wcReconsideration/><br/><@l.cite cite.wcMar/></p>
<@l.signature/>
</@l.section>

<@l.section id="sec-services" title=T["sec-services"]>
<table>
  <thead><tr><th>Date</th><th>Code</th><th class="num">Billed</th><th class="num">Paid</th><th class="num">MAR</th><th class="num">Amount in dispute</th><th>Carrier reason</th></tr></thead>
  <tbody>
  <#list lines as ln><tr><td class="date">${ln.dateOfService}</td><td class="code">${ln.codeWithModifiers}</td><td class="num">${ln.billed}</td><td class="num">${ln.paid}</td><td class="num">${ln.mar}</td><td class="num">${ln.amountInDispute}</td><td>${ln.carc}</td></tr></#list>
  <tr class="total"><td colspan="2">Total</td><td class="num">${totals.billed}</td><td class="num">${totals.paid}</td><td class="num">${totals.mar}</td><td class="num">${totals.amountInDispute}</td><td></td></tr>
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
