<#import "_layout.ftl" as l>
<#-- Texas DWC medical fee dispute resolution (28 TAC §133.307), with a DWC Form-060-style Table of Disputed Services. -->
<#assign T = {
  "sec-request": "Requestor, respondent and claim",
  "sec-table": "Table of disputed services",
  "sec-position": "Requestor's position",
  "sec-exhibits": "Supporting documentation"
}>
<@l.document title=packet.title subtitle="MFDR request — carrier claim ${claim.payerClaimNumber}" sections=T>

<@l.section id="sec-request" title=T["sec-request"]>
<table class="kv">
  <tr><td class="k">Requestor (health care provider)</td><td>${practice.name} · TIN ${practice.tin} · NPI ${practice.npi}<#if practice.address??><br/><@l.address practice.address/></#if><br/>Contact: ${practice.contactName}<#if practice.phone??> · ${practice.phone}</#if></td></tr>
  <tr><td class="k">Respondent (insurance carrier)</td><td>${payer.name}<br/><@l.address payer.address/></td></tr>
  <tr><td class="k">Injured employee</td><td>${patient.name}</td></tr>
  <tr><td class="k">Employer</td><td>${patient.employerName}</td></tr>
  <tr><td class="k">Date of injury</td><td>${patient.dateOfInjury}</td></tr>
  <tr><td class="k">Carrier claim number</td><td>${claim.payerClaimNumber}</td></tr>
  <tr><td class="k">Carrier's final action received</td><td class="date">${dates.carrierActionReceived}</td></tr>
  <#if deadline.MFDR_DUE??><tr><td class="k">${deadline.MFDR_DUE.label}</td><td class="date">${deadline.MFDR_DUE.dueDate}</td></tr></#if>
</table>
<p><@l.cite cite.wcMfdr/></p>
</@l.section>

<@l.section id="sec-table" title=T["sec-table"]>
<table>
  <thead><tr><th>Date of service</th><th>Code</th><th class="num">Amount billed</th><th class="num">Amount paid</th><th class="num">Amount in dispute</th><th>MAR computation</th><th class="num">MAR</th></tr></thead>
  <tbody>
  <#list lines as ln><tr><td class="date">${ln.dateOfService}</td><td class="code">${ln.codeWithModifiers}</td><td class="num">${ln.billed}</td><td class="num">${ln.paid}</td><td class="num">${ln.amountInDispute}</td><td>${ln.marComputation}</td><td class="num">${ln.mar}</td></tr></#list>
  <tr class="total"><td colspan="2">Total</td><td class="num">${totals.billed}</td><td class="num">${totals.paid}</td><td class="num">${totals.amountInDispute}</td><td></td><td class="num">${totals.mar}</td></tr>
  </tbody>
</table>
<p><@l.cite cite.wcMar/></p>
</@l.section>

<@l.section id="sec-position" title=T["sec-position"]>
<p>The services were billed with correct codes and were reduced below the maximum allowable reimbursement. The carrier was
asked to reconsider and did not pay the difference. The requestor asks the Division to order payment of ${totals.amountInDispute}
plus any interest due.</p>
<@l.signature/>
</@l.section>

<#-- no empty "Exhibits" page: the section is printed only when something is attached -->
<#if exhibits?has_content>
<@l.section id="sec-exhibits" title=T["sec-exhibits"] keep=true>
<@l.exhibitList/>
</@l.section>
</#if>
</@l.document>
