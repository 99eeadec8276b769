// Two modules measured at the same time must take turns on the machine: while a calibration JVM, the JMH host or a
// JMH fork of mod-a is alive, none of mod-b is, and the other way round. Scenario 1 is one `mvn -T 2` reactor,
// scenario 2 two Maven processes started together. A sampler reads /proc every 100 ms and records which module has
// a measurement JVM alive; no sample may hold both. The invoker build only compiled; the measuring builds are nested
// Maven runs with the invoker's repositories, each logging into this folder.
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

def root = basedir.canonicalFile
def modules = ['mod-a', 'mod-b']
// A module's path as it may appear on a command line (Maven's absolute path) or as /proc/<pid>/cwd (canonical).
def modulePaths = modules.collectEntries { m ->
    [(m): [new File(basedir, m).absolutePath, new File(root, m).canonicalPath].unique()]
}

def nestedMaven = evaluate(new File(itSupport, 'NestedMaven.groovy'))
def mavenBase = nestedMaven(root, itRepoTail, binding.hasVariable('localRepositoryPath') ? localRepositoryPath : null)

/** What kind of measurement JVM a command line is, or null. */
def kindOf = { List<String> args ->
    if (args.any { it.endsWith('CalibrationWorkload') }) return 'calibration'
    if (args.contains('org.openjdk.jmh.runner.ForkedMain')) return 'jmh-fork'
    if (args.contains('org.openjdk.jmh.Main')) return 'jmh-host'
    null
}

/** The module a measurement JVM belongs to: its perfgate.owner, a path into the module's target, or its cwd. */
def moduleOf = { List<String> args, String cwd ->
    modules.find { m ->
        modulePaths[m].any { p ->
            args.any { a -> a == "-Dperfgate.owner=${p}".toString() || a.contains("${p}/target/".toString()) } ||
                    cwd == p
        }
    }
}

/** One look at /proc: module -> descriptions ("calibration pid 123") of its measurement JVMs alive now. */
def sample = {
    Map<String, List<String>> alive = [:]
    new File('/proc').listFiles().findAll { it.name ==~ /\d+/ }.each { dir ->
        try {
            def raw = new File(dir, 'cmdline').bytes
            if (raw.length == 0) return
            def args = new String(raw, 'UTF-8').split('\u0000') as List<String>
            def kind = kindOf(args)
            if (kind == null) return
            String cwd = null
            try {
                cwd = Files.readSymbolicLink(Path.of(dir.path, 'cwd')).toString()
            } catch (Exception ignored) {
                // gone, or not ours
            }
            def module = moduleOf(args, cwd)
            if (module != null) {
                alive.computeIfAbsent(module) { [] } << "${kind} pid ${dir.name}".toString()
            }
        } catch (IOException ignored) {
            // the process ended while we read it
        }
    }
    alive
}

def samples = Collections.synchronizedList([])   // [scenario, seconds since its start, alive map]
def scenario = [name: 'none', start: System.nanoTime()]
def stop = false
def sampler = Thread.start('it-measurement-sampler') {
    while (!stop) {
        def alive = sample()
        if (!alive.isEmpty()) {
            samples << [scenario.name, (System.nanoTime() - scenario.start) / 1e9d, alive]
        }
        Thread.sleep(100)
    }
}

def started = []
/** Starts a nested Maven build in dir with its output in this folder's logName. */
def startMaven = { File dir, String logName, List<String> args ->
    def command = mavenBase + args
    def log = new File(root, logName)
    log.text = "# ${command.join(' ')}\n"
    def process = new ProcessBuilder(command).directory(dir).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start()
    started << process
    [process: process, log: log]
}
/** Waits (10 minutes at most) for a nested build and asserts it succeeded. */
def awaitSuccess = { Map build ->
    assert build.process.waitFor(10, TimeUnit.MINUTES) : "${build.log.name}: the nested build did not end in 10 minutes"
    assert build.process.exitValue() == 0 : "${build.log.name}: the nested build failed (exit ${build.process.exitValue()}):\n" +
            build.log.readLines().takeRight(40).join('\n')
}

try {
    // Scenario 1: one reactor measuring both modules on two threads.
    scenario.name = 'reactor -T 2'
    scenario.start = System.nanoTime()
    def reactor = startMaven(root, 'scenario-1-reactor.log',
            ['-T', '2', '-pl', 'mod-a,mod-b', 'test-compile', 'perfgate:baseline'])
    awaitSuccess(reactor)

    // Scenario 2: two Maven processes at once, each started in its module (so that even a JVM that names no
    // module on its command line is told apart by its working directory).
    scenario.name = 'two Maven processes'
    scenario.start = System.nanoTime()
    def builds = modules.collect { m ->
        def dir = new File(root, m)
        startMaven(dir, "scenario-2-${m}.log", ['-f', new File(dir, 'pom.xml').path, 'test-compile', 'perfgate:baseline'])
    }
    builds.each { awaitSuccess(it) }
} finally {
    stop = true
    sampler.join(5_000)
    started.each { p ->
        if (p.alive) {
            p.toHandle().descendants().forEach { it.destroyForcibly() }
            p.destroyForcibly()
        }
    }
}

def copy = new ArrayList(samples)
['reactor -T 2', 'two Maven processes'].each { name ->
    def seen = copy.findAll { it[0] == name }.collectMany { it[2].keySet() as List }.unique().sort()
    assert seen == modules : "${name}: the sampler saw measurement JVMs of ${seen} only, not of both modules " +
            '(so it could not have seen them overlap)'
}
def overlaps = copy.findAll { it[2].keySet().containsAll(modules) }
assert overlaps.isEmpty() : "measurement JVMs of mod-a and mod-b were alive at the same time in ${overlaps.size()} " +
        'of ' + copy.size() + ' samples (' + overlaps.countBy { s -> s[2].collect { k, v ->
        "${k} ${v*.replaceAll(/ pid.*/, '').unique().sort().join('+')}" }.sort().join(' with ') }.collect { k, v -> "${k}: ${v}" }.join(', ') + '), first:\n' +
        overlaps.take(5).collect { s ->
    String.format('  %s at %.1f s: %s', s[0], s[1], s[2].collect { k, v -> "${k} [${v.join(', ')}]" }.join(', '))
}.join('\n')

// The build that waited said so, naming the holder: its pid and the other module.
def waited = modules.collect { m ->
    def other = modules.find { it != m }
    new File(root, "scenario-2-${m}.log").readLines().findAll {
        it.contains('waiting for another measurement on this machine to finish')
    }.collect { line -> [m, other, line] }
}.flatten().collate(3)
assert waited : 'neither Maven process of scenario 2 logged "waiting for another measurement on this machine to finish"'
// Another build on this machine may hold the lock too; the line that matters names the other module and its pid.
assert waited.any { m, other, line -> line =~ /pid \d+/ && line.contains(other) } :
        'no waiting line names the pid and the module that held the lock:\n' + waited.collect { it[2] }.join('\n')
return true
