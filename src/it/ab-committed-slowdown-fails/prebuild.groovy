// Two commits: WorkBench at normal speed (WORK = 1), then 5x slower (WORK = 5); the tree clean.
def gitProject = evaluate(new File(itSupport, 'GitProject.groovy'))
gitProject.init(basedir)
gitProject.writeBench(basedir, new File(itFixtures), 1)
gitProject.commit(basedir, 'WorkBench at normal speed (WORK = 1)')
gitProject.writeBench(basedir, new File(itFixtures), 5)
gitProject.commit(basedir, 'WorkBench 5x slower (WORK = 5)')
assert gitProject.status(basedir) == '' : 'the tree is not clean after the commits:\n' + gitProject.status(basedir)
return true
