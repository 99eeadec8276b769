// The 5x slower throughput benchmark regresses by exactly +400% (time per op, whatever the mode), the
// unchanged one is unchanged, and the build fails once naming only the regressed benchmark. Every report of the
// failing check says FAILED and names the regressed benchmark, in its own format (this IT holds what was
// reports-failing-check, which ran the identical build).
import groovy.json.JsonSlurper

def buildLog = evaluate(new File(itSupport, 'BuildLog.groovy'))
def log = new File(basedir, 'build.log').text
def lines = log.readLines()

def decode = 'it.results.CodecBench.decode'
def encode = 'it.results.CodecBench.encode'

// The sentence for the regression, at ERROR.
def errorLine = lines.find { it.startsWith('[ERROR] ' + decode + ' regressed ') }
assert errorLine : "no '[ERROR] ${decode} regressed' line"
assert errorLine =~ /regressed \+400\.0% \(baseline .+, now .+, 99% CI \+\d+\.\d%\.\.\+\d+\.\d%, tolerance 10%[;)]/ :
        "unexpected sentence: ${errorLine}"

// Verdict table: one row per benchmark.
assert lines.any { it.contains(decode) && it =~ /\bregressed\b/ } : 'no table row with decode regressed'
assert lines.any { it.contains(encode) && it =~ /\bunchanged\b/ } : 'no table row with encode unchanged'
assert !lines.any { it.contains(encode) && it =~ /\b(regressed|inconclusive)\b/ } : 'encode was flagged'

// One failure, naming decode and not encode.
def message = buildLog.failure(lines, 'check').message
assert message.contains('perfgate: ') : "failure message does not start with 'perfgate: ': ${message}"
assert message.contains(decode) : "failure message does not name ${decode}: ${message}"
assert !message.contains(encode) : "failure message names the unchanged ${encode}: ${message}"

// A failing check never touches the baseline.
def baseline = new File(basedir, 'perf/baseline.json')
assert baseline.bytes == new File(basedir, 'pristine-baseline.json').bytes : 'perf/baseline.json was modified'

// The reports.
def dir = new File(basedir, 'target/perfgate')
def md = new File(dir, 'report.md').text
assert md.readLines()[0].startsWith('**perfgate FAILED: 1 regression') : "headline: ${md.readLines()[0]}"
assert md.contains(decode) && md.contains('regressed')

def html = new File(dir, 'report.html').text
assert html.contains('<svg') : 'no inline SVG chart'
assert !(html =~ /(?i)<script/) : "report.html has a script element"
assert !(html =~ /(?i)(src|href)\s*=\s*"https?:/) : 'report.html loads something from the network'
assert html.contains('CodecBench')

def json = new JsonSlurper().parse(new File(dir, 'report.json'))
assert json.format == 'perfgate-report' && json.version == 1
assert json.status == 'FAILED'
def byName = json.benchmarks.collectEntries { [(it.name): it] }
assert byName[decode].verdict == 'REGRESSED' : byName[decode]
assert Math.abs(byName[decode].change - 4.0) < 1e-6 : byName[decode].change
assert byName[encode].verdict == 'UNCHANGED'

def xml = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(dir, 'TEST-perfgate.xml')).documentElement
assert xml.tagName == 'testsuite' && xml.getAttribute('name') == 'perfgate'
assert xml.getAttribute('tests') == '2' && xml.getAttribute('failures') == '1' : "tests/failures: ${xml.getAttribute('tests')}/${xml.getAttribute('failures')}"
def failures = xml.getElementsByTagName('failure')
assert failures.length == 1
assert failures.item(0).parentNode.getAttribute('classname') == 'it.results.CodecBench'
assert failures.item(0).parentNode.getAttribute('name').startsWith('decode')

assert log.contains('perfgate: reports written: ')
return true
