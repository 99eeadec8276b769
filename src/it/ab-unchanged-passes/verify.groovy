// A clean tree checked against HEAD: perfgate says it is an A/A run, measures 4 rounds, passes with the A/B named in
// the pass line and in the reports, and leaves no worktree behind.
import java.util.regex.Pattern

def gitProject = evaluate(new File(itSupport, 'GitProject.groovy'))
def buildLog = evaluate(new File(itSupport, 'BuildLog.groovy'))
def log = new File(basedir, 'build.log')
def build = buildLog.builds(log, ['build 1 (check against HEAD)': 'SUCCESS'])[0]
def sha10 = gitProject.sha(basedir, 'HEAD').take(10)
def against = "HEAD (${sha10})"

buildLog.inOrder(build, 'the A/A check', [
        Pattern.quote("[INFO] perfgate: same-machine A/B: the working tree against ${against}"
                + " (the same code: an A/A run, which shows this machine's noise)"),
        /\[INFO\] perfgate: A\/B round 1 of 4: .*/,
        /\[INFO\] perfgate: A\/B round 4 of 4: .*/,
        /\[INFO\] perfgate: \d+ compared benchmarks?: 0 regressed, \d+ inconclusive.*; same-machine A\/B against / + Pattern.quote(against)
                + /, 4 rounds per benchmark/,
])
assert !build.any { it.contains('is not compared with') } : 'there is no baseline file, yet a line says it is not compared with'
assert !build.any { it.startsWith('[ERROR]') } : 'an ERROR was logged:\n' + build.findAll { it.startsWith('[ERROR]') }.join('\n')
def row = build.find { it =~ /^\[INFO\] it\.ab\.WorkBench\.work\s+avgt\s/ }
assert row : 'no verdict table row for it.ab.WorkBench.work'
assert !(row =~ /\bregressed\b/) : "an A/A run flagged as regressed: ${row}"

['report.md', 'report.json'].each { name ->
    def report = new File(basedir, "target/perfgate/${name}")
    assert report.isFile() : "no ${report}"
    assert report.text.contains("same-machine A/B against ${against}") : "${name} does not say same-machine A/B against ${against}"
}

def worktrees = gitProject.worktrees(basedir)
assert worktrees.size() == 1 : "not exactly one worktree after the build: ${worktrees}"
assert new File(worktrees[0]).canonicalFile == basedir.canonicalFile : "the one worktree is not the IT's own: ${worktrees}"
return true
