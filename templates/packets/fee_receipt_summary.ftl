<#import "_layout.ftl" as l>
<#assign T = {
  "sec-fees": "Fees paid",
  "sec-refund": "Refund position",
  "sec-exhibits": "Receipts"
}>
<@l.document title=packet.title subtitle="IDR fees — dispute ${idr.disputeNumber}" sections=T>

<@l.section id="sec-fees" title=T["sec-fees"]>
<table class="kv">
  <tr><td class="k">IDR dispute number</td><td>${idr.disputeNumber}</td></tr>
  <tr><td class="k">Payer claim number</td><td>${claim.payerClaimNumber}</td></tr>
  <tr><td class="k">Date(s) of service</td><td>${claim.datesOfService}</td></tr>
  <tr><td class="k">Certified IDR entity</td><td>${idr.selectedIdre}</td></tr>
  <tr><td class="k">IDR initiated</td><td class="date">${dates.idrInitiated}</td></tr>
  <#if dates.idreSelected??><tr><td class="k">IDR entity selected</td><td class="date">${dates.idreSelected}</td></tr></#if>
  <tr><td class="k">Fees paid on</td><td class="date">${dates.feesPaid}</td></tr>
</table>
<table>
  <thead><tr><th>Fee</th><th>Refundable</th><th class="num">Amount</th></tr></thead>
  <tbody>
    <tr><td>Administrative fee (per party)</td><td>No</td><td class="num">${money.adminFeePaid}</td></tr>
    <tr><td>Certified IDR entity fee<#if idr.batched?? && idr.batched> (batched)</#if></td><td>Yes, to the prevailing party</td><td class="num">${money.idreFeePaid}</td></tr>
    <tr class="total"><td colspan="2">Total paid</td><td class="num">${money.feesPaidTotal}</td></tr>
  </tbody>
</table>
</@l.section>

<@l.section id="sec-refund" title=T["sec-refund"]>
<table class="kv">
  <tr><td class="k">Determination</td><td><#if dates.determinationIssued??>Issued ${dates.determinationIssued}<#if money.determination??>: ${money.determination}</#if><#if idr.prevailingParty??> (prevailing party: ${idr.prevailingParty?lower_case})</#if><#else>Pending</#if></td></tr>
  <#if money.feeRefund??><tr><td class="k">Refund due to the provider</td><td>${money.feeRefund}</td></tr></#if>
  <#if deadline.FEE_REFUND_DUE??><tr><td class="k">${deadline.FEE_REFUND_DUE.label}</td><td class="date">${deadline.FEE_REFUND_DUE.dueDate}</td></tr></#if>
  <#if money.feeRefundReceived??><tr><td class="k">Refund received</td><td>${money.feeRefundReceived}</td></tr></#if>
</table>
<p><@l.cite cite.idrFees/></p>
</@l.section>

<#-- no empty "Exhibits" page: the section is printed only when something is attached -->
<#if exhibits?has_content>
<@l.section id="sec-exhibits" title=T["sec-exhibits"] keep=true>
<@l.exhibitList/>
</@l.section>
</#if>
</@l.document>
