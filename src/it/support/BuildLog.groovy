// Helpers for the verify.groovy scripts: splitting a build.log of several builds (invoker.goals.1, .2, ...) into
// one list of lines per build, finding lines in order, and reading the failure a build ended with.
// Not an IT itself (no pom.xml). A script loads them with: def buildLog = evaluate(new File(itSupport, 'BuildLog.groovy'))

[
    /**
     * The builds of a build.log, one list of lines each, split at Maven's "Scanning for projects...". With
     * expected (an ordered map such as ['build 1 (baseline)': 'SUCCESS', 'build 2 (check)': 'FAILURE']), asserts
     * that there are that many builds and that each ended so.
     */
    builds: { File log, Map<String, String> expected = null ->
        def builds = []
        log.readLines().each { line ->
            if (line == '[INFO] Scanning for projects...' || builds.isEmpty()) {
                builds << []
            }
            builds[-1] << line
        }
        builds = builds.findAll { build -> build.any { it ==~ /\[INFO\] BUILD (SUCCESS|FAILURE)/ } }
        if (expected != null) {
            assert builds.size() == expected.size() : "expected ${expected.size()} builds in ${log.name}, found ${builds.size()}"
            expected.eachWithIndex { what, result, i ->
                assert builds[i].contains('[INFO] BUILD ' + result) : "${what} did not end in BUILD ${result}"
            }
        }
        builds
    },

    /** The first line of a build matching each pattern, in this order; fails naming the first one missing. */
    inOrder: { List<String> build, String what, List<String> patterns ->
        def found = []
        int from = 0
        patterns.each { p ->
            int at = build.findIndexOf(from) { it ==~ p }
            assert at >= 0 : "${what}: no line matching ${p} after line ${from} of its log (lines:\n" +
                    build.drop(from).join('\n') + ')'
            found << build[at]
            from = at + 1
        }
        found
    },

    /**
     * The failure that perfgate ended a build with: [line: its "[ERROR] Failed to execute goal ..." line,
     * message: the text from that line up to Maven's "-> [Help 1]" (lines joined with \n)]. The log is a build.log
     * (a File), its text, or the lines of one build (from builds). Asserts that a build failed, that exactly one
     * goal failed, that it is perfgate's, and, when a goal is given (e.g. 'check'), that it is that goal.
     */
    failure: { log, String goal = null ->
        List<String> lines = log instanceof File ? log.readLines() : log instanceof List ? log : log.toString().readLines()
        assert lines.contains('[INFO] BUILD FAILURE') : 'the build did not fail'
        def failures = lines.findIndexValues { it.startsWith('[ERROR] Failed to execute goal ') }
        assert failures.size() == 1 : "not exactly one 'Failed to execute goal' line but ${failures.size()}:\n" +
                failures.collect { lines[it as int] }.join('\n')
        int at = failures[0] as int
        def line = lines[at]
        assert line.startsWith('[ERROR] Failed to execute goal io.github.perfgate:perfgate-maven-plugin:') :
                "the failing goal is not perfgate's: ${line}"
        if (goal != null) {
            assert line =~ /^\[ERROR\] Failed to execute goal io\.github\.perfgate:perfgate-maven-plugin:\S+:${goal} / :
                    "the failing goal is not ${goal}: ${line}"
        }
        def rest = lines.drop(at)
        int end = rest.findIndexOf { it.contains('-> [Help 1]') }
        def message = (end >= 0 ? rest.take(end) + [rest[end].substring(0, rest[end].indexOf('-> [Help 1]'))] : rest)
                .join('\n')
        [line: line, message: message]
    },
]
