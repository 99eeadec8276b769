// perfgate.update=true (every benchmark selected) does not stop at the invalid baseline it is asked to replace: it
// says what was wrong with it and writes a baseline whose samples are all finite and positive.
import groovy.json.JsonSlurper

def lines = new File(basedir, 'build.log').readLines()
assert lines.any { it == '[INFO] BUILD SUCCESS' } : 'the update failed'
def warning = lines.find { it.startsWith('[WARNING] perfgate: the baseline ') }
assert warning : 'no warning about the invalid baseline'
assert warning =~ /baseline\.json is invalid \(benchmark it\.sum\.SumBench\.sum, primary metric, fork 2, iteration 2: sample is NaN; samples must be finite and positive\); perfgate\.update=true replaces it with this run's measurements$/ :
        "unexpected warning: ${warning}"
assert lines.any { it =~ /perfgate: Baseline written to .*baseline\.json \(1 benchmark measured\)/ } : 'no baseline written'

def baseline = new JsonSlurper().parse(new File(basedir, 'perf/baseline.json'))
assert baseline.benchmarks.size() == 1
def samples = baseline.benchmarks[0].samples.flatten()
assert !samples.isEmpty() && samples.every { it instanceof Number && it > 0 } : "not a clean baseline: ${samples}"
return true
