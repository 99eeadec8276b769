// Tests failed in the check build (and were let through with maven.test.failure.ignore): the claim is refused at
// ERROR naming the failing test as Class.method, however much faster the benchmark measured, and the build fails.
def buildLog = evaluate(new File(itSupport, 'BuildLog.groovy'))
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def fqn = 'it.parser.ParserBench.parse'
def failingTest = 'it.parser.ParserTest.parsesInChunks'

assert log =~ /Baseline written to .*baseline\.json/ : 'build 1 did not write the baseline'

// Surefire ran the tests, one failed, and the build went on to the check.
assert log.contains('Tests run: 2, Failures: 1, Errors: 0, Skipped: 0') : 'ParserTest.parsesInChunks did not fail'
assert lines.any { it == "[WARNING] perfgate: this build's tests failed: 2 tests in 1 report: 1 passed, 1 failed," +
        ' 0 errored, 0 skipped' } : "no WARNING that this build's tests failed"

def refused = lines.find { it.startsWith('[ERROR] perfgate: Claim refused: ') }
assert refused : "no '[ERROR] perfgate: Claim refused: ...' line"
assert refused.startsWith('[ERROR] perfgate: Claim refused: tests failed in this build (1 failure), and a claimed' +
        ' optimisation is accepted only when functionality is intact. Failing tests: ' + failingTest + '. Measured: ' +
        fqn + ' is ') : "unexpected refusal: ${refused}"
assert !refused.contains('parsesDigits') : "names a test that passed: ${refused}"
// Whatever it measured: the sentence says whether it would have met the claim, then gives the fix.
assert refused =~ /target 20%\), which (would meet the claim|misses the claim anyway)\. / : "no verdict on the figure: ${refused}"
assert refused.endsWith(" Fix the tests, then rerun: mvn verify -Dperfgate.claims='ParserBench.parse>=20%'") :
        "does not end with the fix: ${refused}"
assert !lines.any { it.contains('Claim met:') } : 'the claim was logged as met'

// The build fails once, on perfgate's check, not on Surefire.
def failure = buildLog.failure(lines, 'check')
def message = failure.message
assert failure.line.endsWith('perfgate: 1 claim was not met:') : "unexpected failure: ${failure.line}"
assert message.contains('Claim refused: tests failed in this build') : "the failure does not give the refusal: ${message}"
assert message.contains(failingTest) : "the failure does not name ${failingTest}: ${message}"
return true
