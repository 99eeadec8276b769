// -DskipTests: no test ran in the check build, so the claim is refused at ERROR, however much faster the benchmark
// measured. The passing report that build 1 left in target/surefire-reports is older than the check build and is
// ignored, with a note saying so.
def buildLog = evaluate(new File(itSupport, 'BuildLog.groovy'))
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def fqn = 'it.parser.ParserBench.parse'

assert log =~ /Baseline written to .*baseline\.json/ : 'build 1 did not write the baseline'

// Build 1 ran the tests and left a passing report; build 2 skipped them.
assert log.count('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') == 2 : 'build 1 did not run the tests' // per class and total
assert new File(basedir, 'target/surefire-reports/TEST-it.parser.ParserTest.xml').isFile() :
        "build 1's test report is missing"
assert log.contains('Tests are skipped.') : 'build 2 did not skip the tests'
assert lines.any { it == '[INFO] perfgate: tests of this build: no test report from this build' } :
        'no line saying that this build wrote no test report'

def refused = lines.find { it.startsWith('[ERROR] perfgate: Claim refused: ') }
assert refused : "no '[ERROR] perfgate: Claim refused: ...' line"
assert refused.startsWith('[ERROR] perfgate: Claim refused: no test ran in this build (it wrote no Surefire or' +
        ' Failsafe report), and a claimed optimisation is accepted only when the tests show functionality intact.' +
        ' Ignored 1 test report older than this build (left from an earlier build). Measured: ' + fqn + ' is ') :
        "unexpected refusal: ${refused}"
assert refused =~ /target 20%\), which (would meet the claim|misses the claim anyway)\. / : "no verdict on the figure: ${refused}"
assert refused.endsWith(' Run the build with its tests (without -DskipTests or -Dmaven.test.skip=true):' +
        " mvn verify -Dperfgate.claims='ParserBench.parse>=20%'") : "does not end with the fix: ${refused}"
assert !lines.any { it.contains('Claim met:') } : 'the claim was logged as met'

def failure = buildLog.failure(lines, 'check')
def message = failure.message
assert failure.line.endsWith('perfgate: 1 claim was not met:') : "unexpected failure: ${failure.line}"
assert message.contains('Claim refused: no test ran in this build') : "the failure does not give the refusal: ${message}"
return true
