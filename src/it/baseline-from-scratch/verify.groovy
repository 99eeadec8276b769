// perfgate:baseline on a project without a baseline writes perf/baseline.json with the raw samples of
// every benchmark (each @Param value is its own entry) and their CPU time per operation.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'perf/baseline.json')

assert log.contains('BUILD SUCCESS')
assert log =~ /Baseline written to .*baseline\.json/
assert file.isFile() : 'perf/baseline.json was not written'

def text = file.text
assert text.contains('"format" : "perfgate-baseline"')
assert text.contains('"formatVersion" : 1')

def json = new JsonSlurper().parseText(text)
def benchmarks = json.benchmarks
assert benchmarks instanceof List

// join runs once per @Param value, upper once: three entries.
def names = benchmarks.collect { b -> b.benchmark + (b.params ? b.params.toString() : '') }
assert benchmarks.size() == 3 : "expected 3 entries, got ${names}"
assert benchmarks.count { it.benchmark == 'it.scratch.TextBench.upper' } == 1
def joins = benchmarks.findAll { it.benchmark == 'it.scratch.TextBench.join' }
assert joins*.params*.parts*.toString().sort() == ['16', '4'] : "join params: ${joins*.params}"

benchmarks.each { b ->
    assert b.mode == 'avgt'
    assert b.unit == 'us/op'
    assert b.score instanceof Number && b.score > 0
    // samples: one array per fork (forks = 2), each with one value per measurement iteration (3).
    assert b.samples instanceof List && b.samples.size() == 2 : "${b.benchmark}: ${b.samples}"
    b.samples.each { fork ->
        assert fork.size() == 3 : "${b.benchmark}: ${b.samples}"
        fork.each { assert it instanceof Number && it > 0 }
    }
    // cpu: perfgate's profiler ran in the forks (nothing in this project's POM asks for it), with one value per
    // fork and iteration like samples, in ns/op, at most the wall time (one benchmark thread).
    assert b.cpu instanceof Map && b.cpu.unit == 'ns/op' : "${b.benchmark}: no cpu entry: ${b.cpu}"
    assert b.cpu.samples.size() == 2 && b.cpu.samples.every { it.size() == 3 } : "${b.benchmark}: ${b.cpu.samples}"
    b.cpu.samples.flatten().each { assert it instanceof Number && it > 0 }
    assert b.cpu.score / 1000 <= b.score * 1.5 : "${b.benchmark}: CPU time ${b.cpu.score} ns/op above wall time ${b.score} us/op"
}

def env = json.environment
assert env.jdkVersion : 'environment.jdkVersion is empty'
assert env.cpuCount instanceof Number && env.cpuCount > 0
return true
