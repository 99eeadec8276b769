// Every report of a failing check says FAILED and names the regressed benchmark, in its own format.
import groovy.json.JsonSlurper

def dir = new File(basedir, 'target/perfgate')
def decode = 'it.results.CodecBench.decode'
def encode = 'it.results.CodecBench.encode'

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

assert new File(basedir, 'build.log').text.contains('perfgate: reports written: ')
return true
