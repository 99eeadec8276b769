// compare ran without a project, read both kinds of file, failed naming the slowed benchmark, wrote reports.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert !new File(basedir, 'pom.xml').exists()
assert log.contains('perfgate: comparing ')
assert log.contains('[ERROR] it.results.CodecBench.decode regressed +400.0%') : 'no regression line'
assert log.contains('BUILD FAILURE')
assert log.contains('The files were only read; nothing was run.')

def json = new JsonSlurper().parse(new File(basedir, 'target/perfgate/report.json'))
assert json.status == 'FAILED'
assert json.benchmarks.find { it.name == 'it.results.CodecBench.decode' }.verdict == 'REGRESSED'
assert new File(basedir, 'base.json').text.contains('"format" : "perfgate-baseline"') : 'base.json was changed'
return true
