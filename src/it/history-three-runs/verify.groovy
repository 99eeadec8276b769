// Three checks, three history entries per benchmark, and report.html draws each benchmark's trend over them.
import groovy.json.JsonSlurper

def lines = new File(basedir, 'perf/history.jsonl').readLines().findAll { it.trim() }
def entries = lines.collect { new JsonSlurper().parseText(it) }
def byBenchmark = entries.groupBy { it.benchmark }
assert byBenchmark.size() == 2 : byBenchmark.keySet()
assert byBenchmark.values().every { it.size() == 3 } : byBenchmark.collectEntries { k, v -> [k, v.size()] }
assert entries.every { it.date ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/ && it.unit && it.estimate != null && it.verdict == 'UNCHANGED' }

def log = new File(basedir, 'build.log').text
assert log.contains('perfgate: history: 2 benchmarks appended to ') && log.contains('(6 entries)')

def html = new File(basedir, 'target/perfgate/report.html').text
assert html.contains('<section id="trend">')
assert html.contains('<svg class="sparkline" id="trend-0"') && html.contains('<svg class="sparkline" id="trend-1"')
def svg = html.substring(html.indexOf('id="trend-0"'), html.indexOf('</svg>', html.indexOf('id="trend-0"')))
assert svg.count('<circle') == 3 : svg
assert !html.contains('<!-- perfgate:trend -->')
return true
