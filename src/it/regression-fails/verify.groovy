// A 5x slowdown is reported as a regression sentence at ERROR, the build fails once with a message that names
// the benchmark, and the failing check leaves the recorded baseline exactly as it was.
def buildLog = evaluate(new File(itSupport, 'BuildLog.groovy'))
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def fqn = 'it.hash.HashBench.hash'

// Build 1 recorded the baseline.
assert log =~ /Baseline written to .*baseline\.json/ : 'build 1 did not write the baseline'

def errorLine = lines.find { it.startsWith('[ERROR] ' + fqn + ' regressed +') }
assert errorLine : "no '[ERROR] ${fqn} regressed +...' line"
assert errorLine =~ /regressed \+\d+\.\d% \(baseline .+ us\/op, now .+ us\/op, 99% CI [+-]\d+\.\d%\.\.[+-]\d+\.\d%, tolerance 10%[;)]/ :
        "unexpected sentence: ${errorLine}"

assert lines.any { it.contains(fqn) && !it.startsWith('[ERROR]') && it =~ /\bregressed\b/ } : 'no table row with regressed'

def message = buildLog.failure(lines, 'check').message
assert message.contains('perfgate: ') : "failure message does not start with 'perfgate: ': ${message}"
assert message.contains(fqn) : "failure message does not name ${fqn}: ${message}"

// The failing check did not rewrite the baseline: it is byte for byte the copy taken right after build 1.
def baseline = new File(basedir, 'perf/baseline.json')
def recorded = new File(basedir, 'target/baseline-as-recorded/baseline.json')
assert recorded.isFile() : 'the copy of the recorded baseline is missing'
assert baseline.bytes == recorded.bytes : 'the failing check modified perf/baseline.json'
return true
