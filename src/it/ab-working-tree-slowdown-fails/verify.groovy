// The working tree's uncommitted 5x slowdown, checked against HEAD: not an A/A run, the check fails naming the
// benchmark and the A/B it was measured with, the working tree keeps its change, and no worktree is left.
// Run with the default rounds: it checks that adaptive rounds stop a settled benchmark at the first look.
import java.util.regex.Pattern

def gitProject = evaluate(new File(itSupport, 'GitProject.groovy'))
def buildLog = evaluate(new File(itSupport, 'BuildLog.groovy'))
def build = buildLog.builds(new File(basedir, 'build.log'), ['build 1 (check against HEAD)': 'FAILURE'])[0]
def sha10 = gitProject.sha(basedir, 'HEAD').take(10)
def fqn = 'it.ab.WorkBench.work'

// Exactly this line: no A/A remark, since the working tree differs from HEAD.
// Adaptive rounds (the default maximum of 12): a 5x slowdown is settled at the first look, after 4 rounds, and
// the benchmark runs no 5th round.
buildLog.inOrder(build, 'the A/B check', [
        Pattern.quote("[INFO] perfgate: same-machine A/B: the working tree against HEAD (${sha10})"),
        /\[INFO\] perfgate: 1 benchmark methods on both sides, 4 to 12 rounds of one fork per side \(.*\), decided by wall and CPU time/,
        /\[INFO\] perfgate: A\/B round 4 of at most 12: .*/,
        Pattern.quote("[INFO] perfgate: ${fqn}: decided after 4 rounds: regressed (CPU time)"),
])
assert !build.any { it.contains('perfgate: A/B round 5 ') } : 'a 5th round ran for a benchmark settled after 4'
def table = build.find { it.contains(fqn) && it.contains('regressed (CPU time)') }
assert table != null : "no table row says the benchmark regressed by CPU time"

def message = buildLog.failure(build, 'check').message
assert message.contains(fqn) : "the failure does not name ${fqn}:\n${message}"
assert message.contains('regressed beyond') : "the failure does not say 'regressed beyond':\n${message}"
def measured = "Measured as a same-machine A/B against HEAD (${sha10}), 4 to 12 rounds per benchmark, each stopped once its verdict was settled."
assert message.readLines().any { it.replaceFirst(/^\[ERROR\] /, '').trim() == measured } : "the failure has no line '${measured}':\n${message}"

// The check measured the working tree as it is and left it so.
assert new File(basedir, 'src/test/java/it/ab/WorkBench.java').text.contains('static final int WORK = 5;')
assert gitProject.status(basedir) == 'M src/test/java/it/ab/WorkBench.java' : 'the working tree changed: ' + gitProject.status(basedir)

def worktrees = gitProject.worktrees(basedir)
assert worktrees.size() == 1 : "not exactly one worktree after the failing build: ${worktrees}"
assert new File(worktrees[0]).canonicalFile == basedir.canonicalFile : "the one worktree is not the IT's own: ${worktrees}"
return true
