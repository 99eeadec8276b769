// What each fork saw of its own JVM options, one line per fork (1 fork per benchmark per build, 2 builds).
def lines = new File(basedir, 'target/forks-observed.txt').readLines()
assert lines.size() == 4 : "expected 4 forks (2 benchmarks x 2 builds), got: ${lines}"
def heap = { String line -> (line =~ /heapMiB=(\d+)/)[0][1] as long }

// Build 1, perfgate.jvmArgs unset: the annotation's options reach AnnotatedBench's fork (its own -Xmx256m too),
// PlainBench's fork gets perfgate's fixed 1 GiB heap, and MAVEN_OPTS reaches neither.
def first = lines[0..1]
def annotated = first.find { it.startsWith('AnnotatedBench ') }
def plain = first.find { it.startsWith('PlainBench ') }
assert annotated != null && plain != null : "build 1 forks: ${first}"
assert annotated.contains('marker=fromAnnotation') : "the @Fork(jvmArgs) was replaced: ${annotated}"
assert heap(annotated) <= 256 : "the @Fork(jvmArgs) heap was replaced: ${annotated}"
assert plain.contains('marker=null') : plain
assert heap(plain) >= 900 && heap(plain) <= 1024 : "PlainBench's fork did not get -Xmx1g: ${plain}"
first.each { assert it.contains('leak=null') : "MAVEN_OPTS reached a fork: ${it}" }

// Build 2, -Dperfgate.jvmArgs=-Dperfgate.it.marker=fromUser: the user's options replace the annotation's.
lines[2..3].each {
    assert it.contains('marker=fromUser') : "perfgate.jvmArgs did not reach the fork: ${it}"
    assert it.contains('leak=null') : "MAVEN_OPTS reached a fork: ${it}"
}
def annotated2 = lines[2..3].find { it.startsWith('AnnotatedBench ') }
assert heap(annotated2) > 256 : "perfgate.jvmArgs should replace the annotation's -Xmx256m: ${annotated2}"
return true
