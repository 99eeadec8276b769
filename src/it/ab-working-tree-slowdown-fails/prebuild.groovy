// One commit at normal speed (WORK = 1), then the working tree 5x slower (WORK = 5), not committed.
def gitProject = evaluate(new File(itSupport, 'GitProject.groovy'))
gitProject.init(basedir)
gitProject.writeBench(basedir, new File(itFixtures), 1)
gitProject.commit(basedir, 'WorkBench at normal speed (WORK = 1)')
gitProject.writeBench(basedir, new File(itFixtures), 5)
def status = gitProject.status(basedir)
assert status == 'M src/test/java/it/ab/WorkBench.java' : "expected only the benchmark modified, git status says:\n${status}"
return true
