// One commit at normal speed (WORK = 1), the tree clean, so that the baseline records that commit as it is.
def gitProject = evaluate(new File(itSupport, 'GitProject.groovy'))
gitProject.init(basedir)
gitProject.writeBench(basedir, new File(itFixtures), 1)
gitProject.commit(basedir, 'WorkBench at normal speed (WORK = 1)')
assert gitProject.status(basedir) == '' : 'the tree is not clean after the commit:\n' + gitProject.status(basedir)
return true
