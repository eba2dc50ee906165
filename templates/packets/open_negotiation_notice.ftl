<#import "_layout.ftl" as l>
<#--
  Federal standard Open Negotiation Notice (OMB 1210-0169), in the standard notice's order (OpenNegotiationNoticeFormTest):
  the notice and its date, the items and services with the standard's seven columns, the offer, the contact. Dated the day open negotiation starts (packet.date):
  the notice is what starts the 30-business-day period, so its deadlines read as future from that day.
-->
<#assign T = {
  "sec-notice": "Notice of initiation of open negotiation",
  "sec-items": "Items and services in dispute",
  "sec-contact": "Contact and signature",
  "sec-exhibits": "Exhibits"
}>
<@l.document title=packet.title subtitle="${practice.name} — open negotiation with ${payer.name}" sections=T>

<@l.section id="sec-notice" title=T["sec-notice"]>
<p>Standard notice, OMB Control No. 1210-0169 · Date of this notice: <strong class="date">${packet.date}</strong></p>
<p>${practice.name}, a provider, is initiating a 30-business-day open negotiation period with ${payer.legalEntity!payer.name}
for the out-of-network items and services listed in this notice, furnished on ${claim.datesOfService} at
${claim.facilityName} (place of service ${claim.placeOfService}, ${claim.serviceState}). The initial payment or notice of denial
was received on <span class="date">${dates.initialPaymentReceived}</span>.</p>
<p>The federal independent dispute resolution (IDR) process is available for emergency services, certain non-emergency
services furnished by out-of-network providers at in-network facilities, and air ambulance services. It is not available
where an All-Payer Model Agreement or a specified state law applies.</p>
<p>During open negotiation the parties try to agree on the <strong>total</strong> out-of-network rate, <strong>including any cost
sharing</strong>. If no agreement is reached:</p>
<table class="kv">
  <tr><td class="k">${deadline.OPEN_NEGOTIATION_ENDS.label}</td><td class="date">${deadline.OPEN_NEGOTIATION_ENDS.dueDate}</td></tr>
  <tr><td class="k">${deadline.IDR_INITIATION_DUE.label}</td><td class="date">${deadline.IDR_INITIATION_DUE.dueDate}</td></tr>
</table>
<p>The parties may still agree on a rate after open negotiation ends and before the IDR entity makes its determination.
The Notice of IDR Initiation is available on the federal IDR website.</p>
<p><@l.cite cite.openNegotiationNotice/></p>
</@l.section>

<@l.section id="sec-items" title=T["sec-items"]>
<p>${practice.name} is initiating an open negotiation period with ${payer.legalEntity!payer.name} for these items and services:</p>
<#-- Fixed column widths sized for nine-digit totals: the offer column is the notice's key figure and must
     never run off the page (the renderer's fit check fails a packet where it would). -->
<table class="fixed items">
  <thead><tr><th style="width:20%">Item or service</th><th style="width:13%">Claim number</th><th style="width:15%">Provider (NPI)</th><th style="width:12%">Date provided</th><th style="width:10%">Service code</th><th class="num" style="width:14%">Initial payment</th><th class="num" style="width:16%">Offer (total rate incl. cost sharing)</th></tr></thead>
  <tbody>
  <#list lines as ln>
  <tr><td>${ln.description}</td><td>${claim.payerClaimNumber}</td><td>${practice.renderingProviderName!practice.name} (${practice.renderingProviderNpi!practice.npi})</td><td class="date">${ln.dateOfService}</td><td class="code">${ln.codeWithModifiers}</td><td class="num">${ln.paid!"N/A (denial)"}</td><td class="num">${ln.offer}</td></tr>
  </#list>
  <tr class="total"><td colspan="5">Total</td><td class="num">${totals.paid!money.initialPayment!"N/A (denial)"}</td><td class="num">${money.providerOffer}</td></tr>
  </tbody>
</table>
<#-- The standard notice has no QPA: the plan discloses it, the offer brief argues from it. -->
</@l.section>

<@l.section id="sec-contact" title=T["sec-contact"]>
<p>To reach the initiating party's representative: ${practice.contactName}, ${practice.phone}, ${practice.email}.</p>
<@l.signature/>
<p class="note">Keep a copy of this notice and proof of when and how it was delivered.</p>
</@l.section>

<#-- no empty "Exhibits" page: the section is printed only when something is attached -->
<#if exhibits?has_content>
<@l.section id="sec-exhibits" title=T["sec-exhibits"] keep=true>
<@l.exhibitList/>
</@l.section>
</#if>
</@l.document>
