// The header states what JMH runs after perfgate.jmhArgs (build 1 and the first measurement of build 2), and the
// second look of build 2 runs the remeasureForks it announces instead of the -f 1 of jmhArgs.
def buildLog = evaluate(new File(itSupport, 'BuildLog.groovy'))
def builds = buildLog.builds(new File(basedir, 'build.log'))
assert builds.size() == 2 : "expected 2 builds in build.log, found ${builds.size()}"

def tiny = '1 fork x 1 warm-up x 100ms, 2 x 100ms; -f, -wi, -w, -i, -r from perfgate.jmhArgs; timeout 60m'
buildLog.inOrder(builds[0], 'baseline', [
        /\[INFO\] perfgate: running JMH benchmarks \(\Q${tiny}\E\)/,
        /\[INFO\] perfgate: Baseline written to .*/,
])
assert !builds[0].any { it.contains('3 forks x 3 warm-up') } : 'the header shows perfgate settings JMH did not get'

def found = buildLog.inOrder(builds[1], 'second look', [
        /\[INFO\] perfgate: running JMH benchmarks \(\Q${tiny}\E\)/,
        /.*re-measuring with 2 more forks before deciding: it\.sum\.SumBench\.sum/,
        /\[INFO\] perfgate: running JMH benchmarks \(\Q2 forks x 1 warm-up x 100ms, 2 x 100ms; -wi, -w, -i, -r from perfgate.jmhArgs; timeout 60m\E\)/,
        /.*re-measured 1 benchmark with 2 more forks \(3 forks pooled\).*/,
])
assert builds[1].any { it == '[INFO] BUILD FAILURE' }
return true
