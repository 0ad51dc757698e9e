<#ftl output_format="Markdown">
<#-- Markdown summary for CI logs; auto-escaped by dev.surmbench.report.render.MarkdownOutputFormat. -->
# surm-bench report: ${view.suite}

${view.runs} runs: ${view.completed} completed, ${view.diverged} diverged, ${view.failed} failed. ${view.scaleNote}

## Claim verdicts

<#list view.claims as c>
- **${c.title}: ${c.verdict}.** ${c.summary}
</#list>

${view.tuning.verdictProtocol}

## Main table

| Method | Source |<#list view.columns as c> ${c.task} (${c.metric}) |</#list><#if view.averageLabel?has_content> ${view.averageLabel} |</#if> Trainable params |
|---|---|<#list view.columns as c>---:|</#list><#if view.averageLabel?has_content>---:|</#if>---:|
<#list view.ours as r>
| ${r.label} | ours |<#list r.cells as c> <@cell c/> |</#list><#if r.average??> <@cell r.average/> |</#if> ${r.trainable} |
</#list>
<#list view.floors as r>
| ${r.label} | ${r.source} |<#list r.cells as c> <@cell c/> |</#list><#if r.average??> <@cell r.average/> |</#if> ${r.trainable} |
</#list>
<#list view.baselines as r>
| ${r.label} | ${r.source} [${r.note}] |<#list r.cells as c> <@cell c/> |</#list><#if r.average??> <@cell r.average/> |</#if> ${r.trainable} |
</#list>

Mean ± std over seeds in points; ★ best of our rows per column; (lr …) the learning rate of the cell's runs; trainable parameters stored, head excluded.
<#if view.floorNote?has_content>
${view.floorNote}
</#if>
<#if view.citations?has_content>

<#list view.citations as c>
${c?counter}. ${c}
</#list>
</#if>

<#if view.failures?has_content>

## Diverged and failed runs

<#list view.failures as r>
- ${r.runId} ${r.task} · ${r.label} · seed ${r.seed}: **${r.status}** ${r.detail}
</#list>
</#if>
<#if view.tuning.disagreements?has_content>

## Not reproduced: the same run as a trial and as a final run

<#list view.tuning.disagreements as d>
- ${d}
</#list>
</#if>

Full report: report/index.html
<#macro cell c><#if c.best>**★ ${c.text}**<#else>${c.text}</#if><#if c.warn?has_content> ⚠ ${c.warn}</#if><#if c.rate?has_content> (${c.rate})</#if></#macro>
