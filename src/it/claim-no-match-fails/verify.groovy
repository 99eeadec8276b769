// A misspelt claim is not silently ignored: it is refused at ERROR with the benchmark the user meant, and the
// build fails on it.
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def expected = "Claim refused: no benchmark matches 'ParserBench.prase'. Did you mean it.claimnomatch.ParserBench.parse?" +
        ' Name a benchmark by its fully qualified name or by a suffix at a dot boundary (e.g. ParserBench.parse>=20%),' +
        ' with * as a wildcard.'

assert log =~ /Baseline written to .*baseline\.json/ : 'build 1 did not write the baseline'
assert log.contains('BUILD FAILURE') : 'the check did not fail'

assert lines.any { it == '[ERROR] perfgate: ' + expected } : "no line '[ERROR] perfgate: ${expected}'"

def failure = lines.find { it.startsWith('[ERROR] Failed to execute goal io.github.perfgate:perfgate-maven-plugin') }
assert failure : 'no "Failed to execute goal" line from perfgate'
assert failure.contains(':check ') : "the failing goal is not check: ${failure}"
assert failure.endsWith('perfgate: 1 claim was not met:') : "unexpected failure: ${failure}"
def message = log.substring(log.indexOf(failure))
message = message.substring(0, message.indexOf('-> [Help 1]'))
assert message.contains(expected) : "the failure does not give the refusal: ${message}"
assert lines.count { it.startsWith('[ERROR] Failed to execute goal') } == 1 : 'not exactly one failure'
return true
