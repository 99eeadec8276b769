// Four builds with a wrong parameter: each fails with perfgate's own message naming the parameter and the
// accepted form, before JMH starts or any file is written.
def buildLog = evaluate(new File(itSupport, 'BuildLog.groovy'))
def builds = buildLog.builds(new File(basedir, 'build.log'), ['remeasureForks=0': 'FAILURE', 'include=[bad': 'FAILURE',
        'jmhArgs=-p "x': 'FAILURE', 'baselineFile=target': 'FAILURE'])

/** The text of perfgate's error in one build, from "Failed to execute goal" to Maven's help line. */
def error = { List<String> build, String what ->
    def text = buildLog.failure(build).message
    assert !build.any { it.contains('running JMH benchmarks') || it.contains('# JMH version') } :
            "${what}: JMH ran before the parameter was refused"
    text
}

def forks = error(builds[0], 'remeasureForks=0')
assert forks.contains('perfgate.remeasureForks is 0; it must be a whole number of 1 or more, e.g. -Dperfgate.remeasureForks=5') : forks

def include = error(builds[1], 'include=[bad')
assert include.contains("perfgate.include '[bad' is not a valid regular expression") : include

def jmhArgs = error(builds[2], 'jmhArgs=-p "x')
assert jmhArgs.contains('perfgate.jmhArgs (-p "x) has an unclosed quote') : jmhArgs
assert !builds[2].any { it.contains('IllegalArgumentException') } : 'an uncaught IllegalArgumentException'

def directory = error(builds[3], 'baselineFile=target')
assert directory =~ /perfgate\.baselineFile \S*target is a directory/ : directory

assert !new File(basedir, 'perf/baseline.json').exists() : 'a refused build wrote a baseline'
assert !new File(basedir, 'target/perfgate/jmh-result.json').exists() : 'a refused build ran JMH'
return true
