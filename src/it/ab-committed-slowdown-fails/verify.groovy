// A 5x slowdown committed on HEAD, checked twice against HEAD~1: both builds fail naming the benchmark and the A/B,
// the first builds HEAD~1 in a worktree, the second reuses that build, and no worktree is left.
import java.util.regex.Pattern

def gitProject = evaluate(new File(itSupport, 'GitProject.groovy'))
def buildLog = evaluate(new File(itSupport, 'BuildLog.groovy'))
def builds = buildLog.builds(new File(basedir, 'build.log'),
        ['build 1 (check against HEAD~1)': 'FAILURE', 'build 2 (the same check again)': 'FAILURE'])
def sha10 = gitProject.sha(basedir, 'HEAD~1').take(10)
def against = "HEAD~1 (${sha10})"
def fqn = 'it.ab.WorkBench.work'
// The reuse line may go on to name the cache entry (": <path>").
def reusing = "[INFO] perfgate: reusing the build of ${against} from an earlier run".toString()
def reuses = { List<String> build -> build.any { it == reusing || it.startsWith(reusing + ': ') } }

builds.eachWithIndex { build, i ->
    def what = "build ${i + 1}"
    buildLog.inOrder(build, what, [
            Pattern.quote("[INFO] perfgate: same-machine A/B: the working tree against ${against}"),
            /\[INFO\] perfgate: A\/B round 4 of 4: .*/,
    ])
    def message = buildLog.failure(build, 'check').message
    assert message.contains(fqn) : "${what}: the failure does not name ${fqn}:\n${message}"
    assert message.contains('regressed beyond') : "${what}: the failure does not say 'regressed beyond':\n${message}"
    def measured = "Measured as a same-machine A/B against ${against}, 4 rounds per benchmark."
    assert message.readLines().any { it.replaceFirst(/^\[ERROR\] /, '').trim() == measured } : "${what}: the failure has no line '${measured}':\n${message}"
}

// The first build built HEAD~1; the second measured only.
assert !reuses(builds[0]) : 'build 1 claims to reuse a build, but none was made before it'
assert builds[0].any { it.startsWith("[INFO] perfgate: building ${against} in a worktree") } : 'build 1 did not build HEAD~1'
assert reuses(builds[1]) : "build 2 has no line '${reusing}'"
assert !builds[1].any { it.startsWith("[INFO] perfgate: building ${against} in a worktree") } : 'build 2 built HEAD~1 again'

def worktrees = gitProject.worktrees(basedir)
assert worktrees.size() == 1 : "not exactly one worktree after the failing builds: ${worktrees}"
assert new File(worktrees[0]).canonicalFile == basedir.canonicalFile : "the one worktree is not the IT's own: ${worktrees}"
assert gitProject.status(basedir) == '' : 'the builds left the tree unclean:\n' + gitProject.status(basedir)
return true
