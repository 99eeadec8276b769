// The optimised code meets its claim: "Claim met:" at INFO with the benchmark and its figures, the tests of this
// build are counted, and the build passes with the claim in the summary.
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def fqn = 'it.parser.ParserBench.parse'

assert log =~ /Baseline written to .*baseline\.json/ : 'build 1 did not write the baseline'
assert log.count('BUILD SUCCESS') == 2 : 'both builds must succeed'
assert !log.contains('BUILD FAILURE')

// Surefire ran the two tests in the check build, and perfgate read their report.
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') : 'the tests did not run in the check build'
assert lines.any { it == '[INFO] perfgate: tests of this build: 2 tests in 1 report: 2 passed, 0 failed, 0 errored, 0 skipped' } :
        'no line with the tests of this build'

def met = lines.find { it.startsWith('[INFO] perfgate: Claim met: ') }
assert met : "no '[INFO] perfgate: Claim met: ...' line"
assert met =~ /Claim met: ${java.util.regex.Pattern.quote(fqn)} is \d+\.\d% faster \(99% CI \d+\.\d%\.\.\d+\.\d%, target 20%\)$/ :
        "unexpected sentence: ${met}"
def improvement = (met =~ / is (\d+\.\d)% faster/)[0][1] as double
assert improvement >= 20 : "a met claim below its target: ${met}"

assert lines.any { it ==~ /\[INFO\] perfgate: 1 compared benchmark: 0 regressed, \d inconclusive[^;]*; 1 claim met/ } :
        'no summary line with the met claim'
assert !lines.any { it.startsWith('[ERROR]') } : 'an ERROR was logged'
return true
