// A benchmark that waits 4 ms longer per operation, checked against HEAD twice at a 25% tolerance:
// 1. perfgate.metric=auto: fails, by wall time, saying CPU time per operation did not grow beyond the tolerance (the
//    time is waiting);
// 2. perfgate.metric=cpu: passes, decided by CPU time, saying the grown wall time is waiting or a busy machine.
// Every line and the JSON report name the metric that decided. No worktree is left.
import groovy.json.JsonSlurper

def gitProject = evaluate(new File(itSupport, 'GitProject.groovy'))
def buildLog = evaluate(new File(itSupport, 'BuildLog.groovy'))
def builds = buildLog.builds(new File(basedir, 'build.log'),
        ['build 1 (metric auto)': 'FAILURE', 'build 2 (metric cpu)': 'SUCCESS'])
def fqn = 'it.ab.WaitBench.work'

// 1. auto: both metrics are weighed, and the one that decided is named with the explanation.
buildLog.inOrder(builds[0], 'the auto check', [
        /\[INFO\] perfgate: 1 benchmark methods on both sides, 4 rounds of one fork per side \(.*\), decided by wall and CPU time/,
        /\[ERROR\] it\.ab\.WaitBench\.work regressed \+\d+(\.\d)?% \(.*, tolerance 25%; wall time decided, CPU time [+-]\d+\.\d%; wall time grew beyond the tolerance, CPU time per operation did not \([+-]\d+\.\d%\): the added time is mostly spent waiting \(sleep, locks, I\/O\).*/,
])
def message = buildLog.failure(builds[0], 'check').message
assert message.contains(fqn + ' regressed') : "the failure does not name ${fqn}:\n${message}"
assert message.contains('wall time decided') : "the failure does not say which metric decided:\n${message}"
def cpuChange = (message =~ /did not \(([+-]\d+\.\d)%\)/)
assert cpuChange.find() : "the failure does not give the change of CPU time:\n${message}"
assert Math.abs(cpuChange.group(1) as double) < 25 : "CPU time changed by ${cpuChange.group(1)}%, beyond the tolerance"

// 2. cpu: CPU time alone decides; the build passes, and the table and the report say why wall time grew.
def second = builds[1]
buildLog.inOrder(second, 'the cpu check', [
        /\[INFO\] perfgate: 1 benchmark methods on both sides, 4 rounds of one fork per side \(.*\), decided by CPU time/,
        /.*it\.ab\.WaitBench\.work .* (unchanged|inconclusive) \(CPU time\).*/,
])
def json = new JsonSlurper().parse(new File(basedir, 'target/perfgate/report.json'))
def entry = json.benchmarks.find { it.name == fqn }
assert entry != null : "report.json has no ${fqn}: ${json.benchmarks*.name}"
assert entry.decidedBy == 'cpu' : "report.json says decidedBy ${entry.decidedBy}"
assert entry.verdict != 'REGRESSED' : "CPU time regressed: ${entry.sentence}"
assert entry.wall.change > 1.0 : "wall time grew by ${entry.wall.change}, not several times"
assert Math.abs(entry.cpu.change) < 0.25 : "CPU time changed by ${entry.cpu.change}"
assert entry.reason.contains('not more computation') : "the reason does not explain the wall time: ${entry.reason}"

def worktrees = gitProject.worktrees(basedir)
assert worktrees.size() == 1 : "not exactly one worktree after the builds: ${worktrees}"
return true
