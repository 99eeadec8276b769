// The baseline recorded the first commit (WORK = 1). A second commit makes WorkBench 5x slower, and a nested
// `verify -Dperfgate.against=baseline` must compare with the recorded commit: it says the baseline file itself is not
// compared with, fails naming the benchmark, and names the A/B by that commit's sha10. No worktree is left.
import groovy.json.JsonSlurper
import java.util.concurrent.TimeUnit
import java.util.regex.Pattern

def gitProject = evaluate(new File(itSupport, 'GitProject.groovy'))
def buildLog = evaluate(new File(itSupport, 'BuildLog.groovy'))
def nestedMaven = evaluate(new File(itSupport, 'NestedMaven.groovy'))
def root = basedir.canonicalFile
def fqn = 'it.ab.WorkBench.work'

// Build 1 (invoker's) recorded the baseline at the first commit, clean.
buildLog.builds(new File(basedir, 'build.log'), ['build 1 (baseline)': 'SUCCESS'])
def recordedCommit = gitProject.sha(root, 'HEAD')
def baselineFile = new File(root, 'perf/baseline.json')
assert baselineFile.isFile() : 'build 1 wrote no perf/baseline.json'
def recorded = new JsonSlurper().parse(baselineFile)
assert recorded.commit == recordedCommit : "the baseline records commit ${recorded.commit}, not HEAD ${recordedCommit}"
def sha10 = recordedCommit.take(10)

// The slowdown, committed (with the baseline file, as a user would): the tree is clean and HEAD is not the
// recorded commit.
gitProject.writeBench(root, new File(itFixtures), 5)
def slowCommit = gitProject.commit(root, 'WorkBench 5x slower (WORK = 5), with the baseline of the previous commit')
assert slowCommit != recordedCommit
assert gitProject.status(root) == '' : 'the tree is not clean after the commit:\n' + gitProject.status(root)

// The check, nested: the ITs' Maven, offline, on the ITs' repositories and settings; its log in this folder.
def command = nestedMaven(root, itRepoTail, binding.hasVariable('localRepositoryPath') ? localRepositoryPath : null) +
        ['verify', '-Dperfgate.against=baseline', '-Dperfgate.rounds=4', '-Dperfgate.maxRounds=4']
def logFile = new File(root, 'check-against-baseline.log')
logFile.text = ''
def builder = new ProcessBuilder(command).directory(root).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile))
// As perfgate does for its own nested build: a Maven that inherits these replays the outer goals.
['MAVEN_ARGS', 'MAVEN_CMD_LINE_ARGS'].each { builder.environment().remove(it) }
def maven = builder.start()
try {
    assert maven.waitFor(10, TimeUnit.MINUTES) : 'the nested check did not end in 10 minutes'
} finally {
    if (maven.alive) {
        maven.toHandle().descendants().forEach { it.destroyForcibly() }
        maven.destroyForcibly()
    }
}
def lines = logFile.readLines()
assert maven.exitValue() != 0 : 'the nested check against the baseline commit passed despite the 5x slowdown:\n' +
        lines.takeRight(40).join('\n')

buildLog.inOrder(lines, 'the nested check', [
        Pattern.quote('[INFO] perfgate: perf/baseline.json is not compared with: a same-machine A/B check compares with the revision'),
        Pattern.quote("[INFO] perfgate: same-machine A/B: the working tree against ${sha10}"),
        /\[INFO\] perfgate: A\/B round 4 of 4: .*/,
])
def message = buildLog.failure(lines, 'check').message
assert message.contains(fqn) : "the failure does not name ${fqn}:\n${message}"
assert message.contains('regressed beyond') : "the failure does not say 'regressed beyond':\n${message}"
def measured = "Measured as a same-machine A/B against ${sha10}, 4 rounds per benchmark."
assert message.readLines().any { it.replaceFirst(/^\[ERROR\] /, '').trim() == measured } :
        "the failure has no line '${measured}':\n${message}"

def worktrees = gitProject.worktrees(root)
assert worktrees.size() == 1 : "not exactly one worktree after the failing check: ${worktrees}"
assert new File(worktrees[0]).canonicalFile == root : "the one worktree is not the IT's own: ${worktrees}"
return true
