// perfgate.skip=true: the check says it skipped, runs no benchmark, needs no baseline, and the build passes.
def log = new File(basedir, 'build.log').text
assert log.contains('perfgate: skipped') : "no 'perfgate: skipped' in the log"
assert log.contains('BUILD SUCCESS') : 'the build did not pass'
// JMH's progress names every benchmark it runs; this one must not appear.
assert !log.contains('it.sum.SumBench') : 'the benchmark ran although perfgate.skip=true'
assert !log.contains('No baseline file at') : 'the skipped check looked for a baseline'
assert !new File(basedir, 'perf/baseline.json').exists() : 'a skipped check wrote a baseline'
return true
