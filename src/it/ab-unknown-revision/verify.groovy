// A revision that does not exist: the check fails (perfgate's check goal, once) naming it, builds nothing, measures
// nothing, and leaves no worktree.
def gitProject = evaluate(new File(itSupport, 'GitProject.groovy'))
def buildLog = evaluate(new File(itSupport, 'BuildLog.groovy'))
def build = buildLog.builds(new File(basedir, 'build.log'), ['build 1 (check against no-such-revision)': 'FAILURE'])[0]

def failure = buildLog.failure(build, 'check')
assert failure.message.contains('no-such-revision') : "the failure does not name the revision:\n${failure.message}"
assert !build.any { it.contains('perfgate: A/B round') } : 'rounds were measured against a revision that does not exist'
assert !build.any { it.contains('in a worktree') } : 'a worktree was built for a revision that does not exist'
// A BUILD ERROR (bad input), not a failed gate: Maven's help link is the one of MojoExecutionException.
assert build.any { it.startsWith('[ERROR] [Help 1] ') && it.endsWith('/MojoExecutionException') } :
        'the failure is not a BUILD ERROR (MojoExecutionException):\n' + build.findAll { it.startsWith('[ERROR]') }.join('\n')

def worktrees = gitProject.worktrees(basedir)
assert worktrees.size() == 1 : "not exactly one worktree after the failed check: ${worktrees}"
def ab = new File(basedir, 'target/perfgate-ab')
assert !(ab.listFiles()?.any { it.name.startsWith('worktree-') }) : "a worktree directory is left in ${ab}: ${ab.list()}"
return true
