<#import "_layout.ftl" as l>
<#-- Texas SB 1264 arbitration (Ins. Code ch. 1467). Unlike federal IDR, Texas arbitrators weigh billed charges. -->
<#assign T = {
  "sec-summary": "Request summary",
  "sec-parties": "Parties and claim",
  "sec-benchmark": "Benchmark table (geozip ${claim.geozip})",
  "sec-factors": "Section 1467.083 factors",
  "sec-exhibits": "Exhibits"
}>
<@l.document title=packet.title subtitle="Reasonable amount for claim ${claim.payerClaimNumber}" sections=T>

<@l.section id="sec-summary" title=T["sec-summary"]>
<table class="kv">
  <tr><td class="k">Billed charge (provider's figure)</td><td>${totals.billed}</td></tr>
  <tr><td class="k">Plan payment</td><td>${totals.paid}</td></tr>
  <#if money.amountInDispute??><tr><td class="k">Amount in dispute</td><td>${money.amountInDispute}</td></tr></#if>
  <tr><td class="k">Initial payment received</td><td class="date">${dates.initialPaymentReceived}</td></tr>
  <#list deadlines as dl><#if dl.key?starts_with("ARBITRATION")><tr><td class="k">${dl.label}</td><td class="date">${dl.dueDate}</td></tr></#if></#list>
</table>
<p>The arbitrator determines the reasonable amount and selects whichever of the billed charge or the plan's payment is closer to it.</p>
</@l.section>

<@l.section id="sec-parties" title=T["sec-parties"]>
<@l.parties/>
</@l.section>

<@l.section id="sec-benchmark" title=T["sec-benchmark"]>
<p>Benchmark source: ${arguments.benchmarkSource}. Percentiles for the same or similar specialty in geozip ${claim.geozip}, as of the date of service.</p>
<table>
  <thead><tr><th>Date</th><th>Code</th><th>Description</th><th class="num">Billed</th><th class="num">80th pct. billed</th><th class="num">50th pct. in-network</th><th class="num">Paid</th></tr></thead>
  <tbody>
  <#list lines as ln><tr><td class="date">${ln.dateOfService}</td><td class="code">${ln.codeWithModifiers}</td><td>${ln.description}</td><td class="num">${ln.billed}</td><td class="num">${ln.benchmark80thBilled}</td><td class="num">${ln.benchmark50thAllowed}</td><td class="num">${ln.paid}</td></tr></#list>
  <tr class="total"><td colspan="3">Total</td><td class="num">${totals.billed}</td><td class="num">${totals.benchmark80thBilled}</td><td class="num">${totals.benchmark50thAllowed}</td><td class="num">${totals.paid}</td></tr>
  </tbody>
</table>
<p><@l.cite cite.texasBenchmark/></p>
</@l.section>

<@l.section id="sec-factors" title=T["sec-factors"]>
<table class="fixed">
  <thead><tr><th style="width:5%">#</th><th style="width:30%">Factor (§1467.083(b))</th><th style="width:65%">The provider's position</th></tr></thead>
  <tbody>
  <#-- Only statements the practice entered or imported: a factor with nothing entered is left to the
       arbitrator rather than argued with an assertion nobody made (or one against the practice). -->
  <#if arguments.billedChargeComparison??><tr><td>1</td><td>Whether the billed charge is grossly out of line with OON payments to this provider and by the plan in the region</td><td>${arguments.billedChargeComparison}</td></tr></#if>
  <tr><td>2</td><td>Training, education and experience</td><td>${arguments.trainingAndExperience}</td></tr>
  <#if arguments.usualCharges??><tr><td>3</td><td>Usual billed charge to other OON enrollees</td><td>${arguments.usualCharges}</td></tr></#if>
  <tr><td>4</td><td>Circumstances and complexity, including time and place</td><td>${arguments.complexity} Place of service ${claim.placeOfService}<#if claim.facilityName??>, ${claim.facilityName}</#if>.</td></tr>
  <#if arguments.patientCharacteristics??><tr><td>5</td><td>Individual characteristics of the enrollee</td><td>${arguments.patientCharacteristics}</td></tr></#if>
  <#if totals.benchmark80thBilled??><tr><td>6</td><td>80th percentile of billed charges, same specialty, geozip ${claim.geozip}</td><td>${totals.benchmark80thBilled} (benchmark database, total of the lines)</td></tr></#if>
  <#if totals.benchmark50thAllowed??><tr><td>7</td><td>50th percentile of in-network rates, same specialty, geozip ${claim.geozip}</td><td>${totals.benchmark50thAllowed} (benchmark database, total of the lines)</td></tr></#if>
  <#if arguments.priorContractedRates?? || arguments.goodFaithContracting??><tr><td>8</td><td>History of network contracting between the parties</td><td>${arguments.priorContractedRates!""}<#if arguments.goodFaithContracting??> ${arguments.goodFaithContracting}</#if></td></tr></#if>
  <#if arguments.benchmarkHistory??><tr><td>9</td><td>Historical data for the two percentiles</td><td>${arguments.benchmarkHistory}</td></tr></#if>
  <#if money.providerOffer?? || money.payerOffer??><tr><td>10</td><td>Offers made during the settlement teleconference</td><td><#if money.providerOffer??>Provider ${money.providerOffer}</#if><#if money.payerOffer??><#if money.providerOffer??>; </#if>plan ${money.payerOffer}</#if></td></tr></#if>
  </tbody>
</table>
<p><@l.cite cite.texasFactors/></p>
</@l.section>

<#-- no empty "Exhibits" page: the section is printed only when something is attached -->
<#if exhibits?has_content>
<@l.section id="sec-exhibits" title=T["sec-exhibits"] keep=true>
<@l.exhibitList/>
</@l.section>
</#if>
</@l.document>
