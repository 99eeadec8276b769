// Helpers for the verify.groovy of an IT that runs several builds (invoker.goals.1, .2, ...) into one build.log.
// Not an IT itself (no pom.xml). A script loads them with: def buildLog = evaluate(new File(itSupport, 'BuildLog.groovy'))

[
    /** The builds of a build.log, one list of lines each, split at Maven's "Scanning for projects...". */
    builds: { File log ->
        def builds = []
        log.readLines().each { line ->
            if (line == '[INFO] Scanning for projects...' || builds.isEmpty()) {
                builds << []
            }
            builds[-1] << line
        }
        builds.findAll { build -> build.any { it ==~ /\[INFO\] BUILD (SUCCESS|FAILURE)/ } }
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
]
