// The reports of a passing check say PASSED and hold no failure.
import groovy.json.JsonSlurper

def dir = new File(basedir, 'target/perfgate')
def md = new File(dir, 'report.md').text
assert md.readLines()[0].startsWith('**perfgate PASSED') : "headline: ${md.readLines()[0]}"

def json = new JsonSlurper().parse(new File(dir, 'report.json'))
assert json.status == 'PASSED'
assert json.benchmarks.size() == 2
assert json.benchmarks.every { it.verdict == 'UNCHANGED' } : json.benchmarks*.verdict
assert json.benchmarks.every { Math.abs(it.change) < 1e-9 } : json.benchmarks*.change

def xml = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(dir, 'TEST-perfgate.xml')).documentElement
assert xml.getAttribute('tests') == '2' && xml.getAttribute('failures') == '0' && xml.getAttribute('errors') == '0'
assert xml.getElementsByTagName('failure').length == 0

assert new File(dir, 'report.html').text.contains('PASSED')
return true
