// A baseline with a NaN sample is a build error that names the benchmark and the field, raised before anything is
// measured, and the file is left byte for byte as it was. Without the check every benchmark would be
// "inconclusive" and the build would pass whatever the code does.
def buildLog = evaluate(new File(itSupport, 'BuildLog.groovy'))
def log = new File(basedir, 'build.log').text
def lines = log.readLines()

def message = buildLog.failure(lines, 'check').message
assert message =~ /perf[\/\\]baseline\.json is invalid: benchmark it\.sum\.SumBench\.sum, primary metric, fork 2, iteration 2: sample is NaN; samples must be finite and positive\./ :
        "message does not name the benchmark and the field: ${message}"
assert message.contains('git checkout -- ') : "message lacks the restore command: ${message}"
assert message.contains('mvn verify -Dperfgate.update=true') : "message lacks the record command: ${message}"

// Nothing was measured: the error came before JMH.
assert !log.contains('# JMH version') : 'JMH ran'
assert !lines.any { it.contains('perfgate: running JMH benchmarks') } : 'perfgate started JMH'

def baseline = new File(basedir, 'perf/baseline.json')
assert baseline.bytes == new File(basedir, 'pristine-baseline.json').bytes : 'perf/baseline.json was modified'
def leftovers = baseline.parentFile.listFiles().findAll { it.name != 'baseline.json' }
assert leftovers.isEmpty() : "files left beside the baseline: ${leftovers*.name}"
return true
