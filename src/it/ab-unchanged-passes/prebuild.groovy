// One commit, WorkBench at normal speed (WORK = 1), and a clean tree: the working tree is HEAD exactly.
def gitProject = evaluate(new File(itSupport, 'GitProject.groovy'))
gitProject.init(basedir)
gitProject.writeBench(basedir, new File(itFixtures), 1)
gitProject.commit(basedir, 'WorkBench at normal speed (WORK = 1)')
assert gitProject.status(basedir) == '' : 'the tree is not clean after the commit:\n' + gitProject.status(basedir)
return true
