<#import "_layout.ftl" as l>
<#--
  Federal IDR offer brief. The data model deliberately has no billed charges, billed-charge (UCR)
  benchmarks, "expected" amounts or MAR: an IDR entity may not consider usual and customary charges,
  the amount the provider would have billed, or public-payer (Medicare/Medicaid) rates.
-->
<#assign T = {
  "sec-summary": "Summary of the offer",
  "sec-parties": "Parties and claim",
  "sec-items": "Items and services, QPA and offer",
  "sec-circumstances": "Additional circumstances",
  "sec-benchmark": "Commercial allowed-amount comparison",
  "sec-coding": "Coding justification",
  "sec-excluded": "Factors this brief does not rely on",
  "sec-exhibits": "Exhibits"
}>
<@l.document title=packet.title subtitle="Provider offer of ${money.providerOffer}" sections=T>

<@l.section id="sec-summary" title=T["sec-summary"]>
<table class="kv">
  <tr><td class="k">Provider offer (total out-of-network rate, including cost sharing)</td><td>${money.providerOffer}</td></tr>
  <tr><td class="k">Qualifying payment amount (QPA)</td><td>${money.qpa}</td></tr>
  <#if money.providerOfferPercentOfQpa??><tr><td class="k">Offer as a share of the QPA</td><td>${money.providerOfferPercentOfQpa}</td></tr></#if>
  <#if money.initialPayment??><tr><td class="k">Initial payment</td><td>${money.initialPayment}</td></tr></#if>
  <#if money.payerOffer??><tr><td class="k">Payer offer</td><td>${money.payerOffer}</td></tr></#if>
  <#if idr.disputeNumber??><tr><td class="k">IDR dispute number</td><td>${idr.disputeNumber}</td></tr></#if>
  <#if idr.selectedIdre??><tr><td class="k">Certified IDR entity</td><td>${idr.selectedIdre}</td></tr></#if>
  <tr><td class="k">Dispute</td><td><#if idr.batched?? && idr.batched>Batched: ${totals.lineCount} items or services<#else>${totals.lineCount} item(s) or service(s)</#if></td></tr>
  <#if dates.openNegotiationStarted??><tr><td class="k">Open negotiation started</td><td class="date">${dates.openNegotiationStarted}</td></tr></#if>
  <#if dates.idrInitiated??><tr><td class="k">IDR initiated</td><td class="date">${dates.idrInitiated}</td></tr></#if>
</table>
<p>The provider asks the certified IDR entity to select the provider's offer of ${money.providerOffer}. The QPA was
considered, as the statute requires, together with the additional circumstances below, without any presumption in
favour of the QPA.</p>
<p><@l.cite cite.idrAdditionalFactors/></p>
</@l.section>

<@l.section id="sec-parties" title=T["sec-parties"]>
<@l.parties/>
</@l.section>

<@l.section id="sec-items" title=T["sec-items"]>
<table>
  <thead><tr><th>#</th><th>Date</th><th>Code</th><th class="num">Units</th><th>Description</th><th class="num">QPA</th><th class="num">Offer</th><th class="num">% of QPA</th></tr></thead>
  <tbody>
  <#list lines as ln>
  <tr><td>${ln.number}</td><td class="date">${ln.dateOfService}</td><td class="code">${ln.codeWithModifiers}</td><td class="num">${ln.units}</td><td>${ln.description}</td><td class="num">${ln.qpa}</td><td class="num">${ln.offer}</td><td class="num">${ln.offerPercentOfQpa!""}</td></tr>
  </#list>
  <tr class="total"><td colspan="5">Total</td><td class="num">${totals.qpa}</td><td class="num">${totals.offer}</td><td class="num"></td></tr>
  </tbody>
</table>
</@l.section>

<@l.section id="sec-circumstances" title=T["sec-circumstances"]>
<h3>The service</h3>
<p>${arguments.serviceDescription}</p>
<h3>Patient acuity and complexity of the service</h3>
<p>${arguments.complexity}</p>
<h3>Training, experience and quality of the provider</h3>
<p>${arguments.trainingAndExperience}</p>
<#if arguments.marketShare??><h3>Market share</h3><p>${arguments.marketShare}</p></#if>
<#if arguments.priorContractedRates??><h3>Contracted rates in the prior four plan years</h3><p>${arguments.priorContractedRates}</p></#if>
<#if arguments.goodFaithContracting??><h3>Good-faith efforts to enter into network agreements</h3><p>${arguments.goodFaithContracting}</p></#if>
</@l.section>

<@l.section id="sec-benchmark" title=T["sec-benchmark"]>
<#if totals.benchmark50thAllowed??>
<p>Commercial in-network allowed amounts (50th percentile<#if arguments.benchmarkSource??>, ${arguments.benchmarkSource}</#if><#if claim.geozip??>, geozip ${claim.geozip}</#if>) compared with the QPA and the offer. These are amounts commercial plans allowed, not provider charges.</p>
<table>
  <thead><tr><th>Code</th><th class="num">QPA</th><th class="num">50th pct. allowed</th><th class="num">Offer</th></tr></thead>
  <tbody>
  <#list lines as ln><tr><td class="code">${ln.codeWithModifiers}</td><td class="num">${ln.qpa}</td><td class="num">${ln.benchmark50thAllowed!""}</td><td class="num">${ln.offer}</td></tr></#list>
  <tr class="total"><td>Total</td><td class="num">${totals.qpa}</td><td class="num">${totals.benchmark50thAllowed}</td><td class="num">${totals.offer}</td></tr>
  </tbody>
</table>
<#if arguments.benchmarkHistory??><p>${arguments.benchmarkHistory}</p></#if>
<#else>
<p>The provider relies on the additional circumstances above rather than on a market benchmark.</p>
</#if>
</@l.section>

<@l.section id="sec-coding" title=T["sec-coding"]>
<p>${arguments.codingJustification}</p>
<#if claim.diagnosisCodes??><p>Diagnoses reported: ${claim.diagnosisCodes}.</p></#if>
</@l.section>

<@l.section id="sec-excluded" title=T["sec-excluded"]>
<p class="note">This brief does not present or rely on the provider's charges, usual and customary charges, or rates
paid by public payers such as Medicare, Medicaid, CHIP, TRICARE or the VA, which a certified IDR entity may not consider.</p>
<p><@l.cite cite.idrProhibitedFactors/></p>
</@l.section>

<#-- no empty "Exhibits" page: the section is printed only when something is attached -->
<#if exhibits?has_content>
<@l.section id="sec-exhibits" title=T["sec-exhibits"] keep=true>
<@l.exhibitList/>
</@l.section>
</#if>

</@l.document>
