<#import "_layout.ftl" as l>
<#-- Everything the federal IDR portal's Notice of IDR Initiation asks for (federal-idr.md §5.2), ready to key in. -->
<#assign T = {
  "sec-parties": "Parties and contact information",
  "sec-items": "Items and services",
  "sec-dispute": "Open negotiation, QPA and eligibility",
  "sec-attestation": "Attestation and preferred IDR entity",
  "sec-exhibits": "Supporting documents"
}>
<@l.document title=packet.title subtitle="Notice of IDR Initiation — ${claim.payerClaimNumber}" sections=T>

<@l.section id="sec-parties" title=T["sec-parties"]>
<@l.parties/>
<table class="kv">
  <tr><td class="k">Initiating party type</td><td>Provider</td></tr>
  <tr><td class="k">Non-initiating party</td><td>${payer.legalEntity}<#if payer.email??> · ${payer.email}</#if><#if payer.phone??> · ${payer.phone}</#if></td></tr>
  <tr><td class="k">State where services were furnished</td><td>${claim.serviceState}</td></tr>
</table>
</@l.section>

<@l.section id="sec-items" title=T["sec-items"]>
<table class="kv">
  <tr><td class="k">Type of items or services</td><td>${claim.serviceType}</td></tr>
  <tr><td class="k">Location furnished</td><td>${claim.facilityName}, place of service ${claim.placeOfService}</td></tr>
  <tr><td class="k">Claim number</td><td>${claim.payerClaimNumber}</td></tr>
  <tr><td class="k">Batched</td><td><#if idr.batched?? && idr.batched>Yes (${totals.lineCount} items)<#else>No</#if></td></tr>
</table>
<table class="fixed">
  <thead><tr><th style="width:11%">Date of service</th><th style="width:13%">Service code</th><th style="width:6%">POS</th><th class="num" style="width:7%">Units</th><th style="width:31%">Description</th><th class="num" style="width:16%">QPA</th><th class="num" style="width:16%">Initial payment</th></tr></thead>
  <tbody>
  <#list lines as ln><tr><td class="date">${ln.dateOfService}</td><td class="code">${ln.codeWithModifiers}</td><td>${claim.placeOfService}</td><td class="num">${ln.units}</td><td>${ln.description}</td><td class="num">${ln.qpa}</td><td class="num">${ln.paid!"N/A (denial)"}</td></tr></#list>
  <tr class="total"><td colspan="5">Total</td><td class="num">${totals.qpa}</td><td class="num">${totals.paid!""}</td></tr>
  </tbody>
</table>
</@l.section>

<@l.section id="sec-dispute" title=T["sec-dispute"]>
<table class="kv">
  <tr><td class="k">Initial payment or denial received</td><td class="date">${dates.initialPaymentReceived}</td></tr>
  <tr><td class="k">Open negotiation period start date</td><td class="date">${dates.openNegotiationStarted}</td></tr>
  <#-- worded from the sheet's date (packet.date: the IDR initiation date once recorded, else today) -->
  <#if deadline.OPEN_NEGOTIATION_ENDS??><tr><td class="k">Open negotiation <#if deadline.OPEN_NEGOTIATION_ENDS.past>ended<#else>ends</#if></td><td class="date">${deadline.OPEN_NEGOTIATION_ENDS.dueDate}</td></tr></#if>
  <#if deadline.IDR_INITIATION_DUE??><tr><td class="k">Last day to initiate</td><td class="date">${deadline.IDR_INITIATION_DUE.dueDate}<#if deadline.IDR_INITIATION_DUE.past> (passed)</#if></td></tr></#if>
  <tr><td class="k">Qualifying payment amount</td><td>${money.qpa}</td></tr>
  <tr><td class="k">Specified state law or All-Payer Model applies</td><td><#if idr.stateLawOrApmApplies>Yes — federal IDR is not available<#else>No</#if></td></tr>
</table>
<p><@l.cite cite.idrInitiation/></p>
</@l.section>

<@l.section id="sec-attestation" title=T["sec-attestation"]>
<p>The initiating party attests that the items and services listed are qualified IDR items or services within the scope
of the federal IDR process, and that a copy of this notice is provided to the non-initiating party on the day it is submitted.</p>
<table class="kv"><tr><td class="k">Preferred certified IDR entity</td><td>${idr.preferredIdre}</td></tr></table>
<@l.signature/>
</@l.section>

<#-- no empty "Exhibits" page: the section is printed only when something is attached -->
<#if exhibits?has_content>
<@l.section id="sec-exhibits" title=T["sec-exhibits"] keep=true>
<@l.exhibitList/>
</@l.section>
</#if>
</@l.document>
