// update=true: the regression is accepted with a WARNING that names the benchmark, the build passes, and
// perf/baseline.json now holds this run's measurements instead of the absurd ones.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def fqn = 'it.sum.SumBench.sum'

assert log.contains('BUILD SUCCESS') : 'the build did not pass'
assert !log.contains('Failed to execute goal')
def accepting = lines.find { it.startsWith('[WARNING]') && it.contains('accepting') && it.contains(fqn) }
assert accepting : "no WARNING line accepting the regression of ${fqn}"
assert log =~ /Baseline written to .*baseline\.json/ : "no 'Baseline written to' line"

def text = new File(basedir, 'perf/baseline.json').text
assert text.contains('"format" : "perfgate-baseline"')
assert text.contains('"formatVersion" : 1')
def json = new JsonSlurper().parseText(text)
assert json.recorded != '2020-01-01T00:00:00Z' : 'recorded was not updated'
def sum = json.benchmarks.find { it.benchmark == fqn }
assert sum : "${fqn} is no longer in the baseline"
assert sum.mode == 'avgt'
assert sum.score > 0.001 : "score still absurd: ${sum.score} ${sum.unit}"
assert sum.samples.size() == 1 && sum.samples[0].size() == 3 : "samples: ${sum.samples}"
assert sum.samples[0].every { it > 0.001 } : "samples still absurd: ${sum.samples}"
return true
