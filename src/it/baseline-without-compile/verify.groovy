// perfgate:baseline on a project never compiled: a BUILD ERROR that says the benchmarks are not compiled and gives
// the command that compiles them first; nothing measured, no baseline written.
def buildLog = evaluate(new File(itSupport, 'BuildLog.groovy'))
def build = buildLog.builds(new File(basedir, 'build.log'), ['build 1 (perfgate:baseline alone)': 'FAILURE'])[0]

def message = buildLog.failure(build, 'baseline').message
assert message =~ /perfgate: No JMH benchmarks found: the benchmarks are not compiled\. \S*sum[\/\\]test has 1 source file that uses JMH's annotations, but target[\/\\]test-classes holds no class file: perfgate runs compiled benchmarks and does not compile them\. Compile them first: mvn test-compile perfgate:baseline/ :
        "not the 'compile first' message:\n${message}"
assert !message.contains('jmh-generator-annprocess') : "the annotation processor is blamed:\n${message}"
assert build.any { it.startsWith('[ERROR] [Help 1] ') && it.endsWith('/MojoExecutionException') } :
        'the failure is not a BUILD ERROR (MojoExecutionException)'
assert !build.any { it.contains('perfgate: running JMH benchmarks') } : 'JMH was run'
assert !new File(basedir, 'perf/baseline.json').exists() : 'a baseline was written'
return true
