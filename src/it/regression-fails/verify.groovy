// A 5x slowdown is reported as a regression sentence at ERROR, the build fails once with a message that names
// the benchmark, and the failing check leaves the recorded baseline exactly as it was.
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def fqn = 'it.regression.HashBench.hash'

// Build 1 recorded the baseline.
assert log =~ /Baseline written to .*baseline\.json/ : 'build 1 did not write the baseline'

def errorLine = lines.find { it.startsWith('[ERROR] ' + fqn + ' regressed +') }
assert errorLine : "no '[ERROR] ${fqn} regressed +...' line"
assert errorLine =~ /regressed \+\d+\.\d% \(baseline .+ us\/op, now .+ us\/op, 99% CI [+-]\d+\.\d%\.\.[+-]\d+\.\d%, tolerance 10%[;)]/ :
        "unexpected sentence: ${errorLine}"

assert lines.any { it.contains(fqn) && !it.startsWith('[ERROR]') && it =~ /\bregressed\b/ } : 'no table row with regressed'

assert log.contains('BUILD FAILURE') : 'the build did not fail'
def failure = lines.find { it.contains('Failed to execute goal io.github.perfgate:perfgate-maven-plugin') }
assert failure : 'no "Failed to execute goal" line from perfgate'
assert failure.contains(':check ') : "the failing goal is not check: ${failure}"
def message = log.substring(log.indexOf(failure))
message = message.substring(0, message.indexOf('-> [Help 1]') > 0 ? message.indexOf('-> [Help 1]') : message.length())
assert message.contains('perfgate: ') : "failure message does not start with 'perfgate: ': ${message}"
assert message.contains(fqn) : "failure message does not name ${fqn}: ${message}"
assert lines.count { it.startsWith('[ERROR] Failed to execute goal') } == 1 : 'not exactly one failure'

// The failing check did not rewrite the baseline: it is byte for byte the copy taken right after build 1.
def baseline = new File(basedir, 'perf/baseline.json')
def recorded = new File(basedir, 'target/baseline-as-recorded/baseline.json')
assert recorded.isFile() : 'the copy of the recorded baseline is missing'
assert baseline.bytes == recorded.bytes : 'the failing check modified perf/baseline.json'
return true
