// compare ran without a project, read both kinds of file, failed naming the slowed benchmark, wrote reports
// (build 1); and refused two files with no benchmark in common, naming benchmarks of each (build 2).
import groovy.json.JsonSlurper

def buildLog = evaluate(new File(itSupport, 'BuildLog.groovy'))
def builds = buildLog.builds(new File(basedir, 'build.log'))
assert builds.size() == 2 : "expected 2 builds in build.log, found ${builds.size()}"
assert !new File(basedir, 'pom.xml').exists()

def log = builds[0].join('\n')
assert log.contains('perfgate: comparing ')
assert log.contains('[ERROR] it.results.CodecBench.decode regressed +400.0%') : 'no regression line'
assert log.contains('BUILD FAILURE')
assert log.contains('The files were only read; nothing was run.')

def json = new JsonSlurper().parse(new File(basedir, 'target/perfgate/report.json'))
assert json.status == 'FAILED'
assert json.benchmarks.find { it.name == 'it.results.CodecBench.decode' }.verdict == 'REGRESSED'
assert new File(basedir, 'base.json').text.contains('"format" : "perfgate-baseline"') : 'base.json was changed'

def disjoint = builds[1].join('\n')
assert disjoint.contains('BUILD FAILURE')
assert !disjoint.contains('perfgate: comparing ') : 'compared files that have nothing in common'
assert disjoint =~ /perfgate: \S*other-project\.json against \S*base\.json: perfgate\.base and perfgate\.current/ +
        / have no benchmark in common, so nothing can be compared\./ : disjoint
assert disjoint.contains('perfgate.base holds it.results.CodecBench.decode, it.results.CodecBench.encode;'
        + ' perfgate.current holds it.other.HashBench.hash, it.other.HashBench.mix.') : disjoint
return true
