// One commit without a pause (NAP_MICROS = 0), then the working tree with 4 ms of waiting per operation, uncommitted.
def gitProject = evaluate(new File(itSupport, 'GitProject.groovy'))
def fixtures = new File(itFixtures)
def marker = 'static final int NAP_MICROS = 0;'
gitProject.init(basedir)
gitProject.writeFixture(basedir, fixtures, 'ab-wait/it/ab/WaitBench.java', marker, marker)
gitProject.commit(basedir, 'WaitBench computing only (NAP_MICROS = 0)')
gitProject.writeFixture(basedir, fixtures, 'ab-wait/it/ab/WaitBench.java', marker, 'static final int NAP_MICROS = 4000;')
def status = gitProject.status(basedir)
assert status == 'M src/test/java/it/ab/WaitBench.java' : "expected only the benchmark modified, git status says:\n${status}"
return true
