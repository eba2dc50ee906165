<#import "_layout.ftl" as l>
<#-- Texas PIP demand: 30-day payment duty (§1952.156), 12% penalty and attorney's fees (§1952.157). -->
<#assign T = {
  "sec-letter": "Demand for payment of PIP benefits",
  "sec-charges": "Charges and payments",
  "sec-exhibits": "Enclosures"
}>
<@l.document title=packet.title subtitle="PIP demand — claim ${claim.payerClaimNumber}" sections=T>

<@l.section id="sec-letter" title=T["sec-letter"]>
<div class="letterhead">${practice.name} · <@l.address practice.address/><#if practice.phone??> · ${practice.phone}</#if></div>
<p class="date">${packet.date}</p>
<p>${payer.name}<br/><@l.address payer.address/></p>
<table class="kv">
  <tr><td class="k">Insured / claimant</td><td>${patient.name}</td></tr>
  <tr><td class="k">Policy number</td><td>${payer.policyNumber}</td></tr>
  <tr><td class="k">Claim number</td><td>${claim.payerClaimNumber}</td></tr>
  <tr><td class="k">Date of accident</td><td>${patient.dateOfInjury}</td></tr>
  <tr><td class="k">Date(s) of service</td><td>${claim.datesOfService}</td></tr>
</table>
<p>You received satisfactory proof of this claim on <strong>${dates.proofOfClaimReceived}</strong>. Personal injury protection
benefits are payable as they accrue and no later than the ${pip.paymentDays}th day after the insurer receives that proof —
here, by <strong>${deadline.PAYMENT_DUE.dueDate}</strong>. The reasonable charges below remain unpaid.</p>
<p>We demand payment of <strong>${money.amountInDispute}</strong>. An insurer that does not pay PIP benefits when due is liable,
in addition to the benefits, for a ${pip.penaltyPercent} penalty (${pip.penaltyAmount} on the unpaid amount) and reasonable
attorney's fees, for a total of at least <strong>${pip.totalDemand}</strong> before fees.</p>
<p><@l.cite cite.pipPaymentDuty/><br/><@l.cite cite.pipPenalty/></p>
<p>Please remit payment to ${practice.name}<#if practice.address??>, <@l.address practice.address/></#if>, referencing claim ${claim.payerClaimNumber}.</p>
<@l.signature/>
</@l.section>

<@l.section id="sec-charges" title=T["sec-charges"]>
<table>
  <thead><tr><th>Date</th><th>Code</th><th>Description</th><th class="num">Billed</th><th class="num">Paid</th><th class="num">Unpaid</th></tr></thead>
  <tbody>
  <#list lines as ln><tr><td class="date">${ln.dateOfService}</td><td class="code">${ln.codeWithModifiers}</td><td>${ln.description}</td><td class="num">${ln.billed}</td><td class="num">${ln.paid}</td><td class="num">${ln.amountInDispute!""}</td></tr></#list>
  <tr class="total"><td colspan="3">Total</td><td class="num">${totals.billed}</td><td class="num">${totals.paid}</td><td class="num">${money.amountInDispute}</td></tr>
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
