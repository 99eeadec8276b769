// A claim on a benchmark whose code did not change is reported as missed at ERROR with the measured figure and
// the command that reruns only this benchmark, and the build fails on it.
def buildLog = evaluate(new File(itSupport, 'BuildLog.groovy'))
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def fqn = 'it.parser.ParserBench.parse'
def rerun = "mvn verify -Dperfgate.include='^\\Qit.parser.ParserBench.parse\\E\$'"
def claim = "-Dperfgate.claims='ParserBench.parse>=90%'"

assert log =~ /Baseline written to .*baseline\.json/ : 'build 1 did not write the baseline'
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') : 'the tests did not run in the check build'

def missed = lines.find { it.startsWith('[ERROR] perfgate: Claim missed: ') }
assert missed : "no '[ERROR] perfgate: Claim missed: ...' line"
assert missed.startsWith('[ERROR] perfgate: Claim missed: ' + fqn + ' is ') : "does not name ${fqn}: ${missed}"
assert missed =~ /target 90%\)/ : "does not give the target: ${missed}"
// The fix: rerun only this benchmark (with more forks when the miss is a matter of uncertainty).
assert missed.contains(rerun + ' ' + claim) || missed.contains(rerun + ' -Dperfgate.forks=10 ' + claim) :
        "no rerun command '${rerun} ${claim}': ${missed}"

// The build fails once, on the claim: the failure message lists it first.
def failure = buildLog.failure(lines, 'check')
def message = failure.message
assert failure.line.endsWith('perfgate: 1 claim was not met:') : "unexpected failure: ${failure.line}"
assert message.contains('Claim missed: ' + fqn) : "the failure does not list the missed claim: ${message}"
return true
