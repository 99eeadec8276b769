// A Maven process killed with SIGKILL while JMH runs (an IDE's stop button, a CI job cancelled, the OOM killer) must
// leave nothing behind: the JMH host and its forks end themselves within seconds, and the JMH classpath argfile lives
// in the build's target/perfgate/tmp, never in /tmp. The invoker build only compiled; verify.groovy runs
// perfgate:baseline itself (calibration off), waits for a JMH fork of this project, and kills that Maven with kill -9.
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

def root = basedir.canonicalFile
def paths = [basedir.absolutePath, root.path].unique()
def nestedMaven = evaluate(new File(itSupport, 'NestedMaven.groovy'))
def command = nestedMaven(root, itRepoTail, binding.hasVariable('localRepositoryPath') ? localRepositoryPath : null) +
        ['-Dperfgate.calibrate=false', 'perfgate:baseline']

/** The command line of a live process, or null. */
def argsOf = { long pid ->
    try {
        def raw = new File("/proc/${pid}/cmdline").bytes
        raw.length == 0 ? null : (new String(raw, 'UTF-8').split('\u0000') as List<String>)
    } catch (IOException ignored) {
        null
    }
}
def cwdOf = { long pid ->
    try {
        Files.readSymbolicLink(Path.of("/proc/${pid}/cwd")).toString()
    } catch (Exception ignored) {
        null
    }
}
/** Every live process of this IT's run: its path on the command line, or a JMH JVM working in this folder. */
def ours = { ->
    new File('/proc').listFiles().findAll { it.name ==~ /\d+/ }.collect { it.name as long }.findAll { pid ->
        pid != ProcessHandle.current().pid()
    }.collectMany { pid ->
        def args = argsOf(pid)
        if (args == null) return []
        boolean named = args.any { a -> paths.any { a.contains(it) } }
        boolean jmhHere = args.any { it.startsWith('org.openjdk.jmh.') } && cwdOf(pid) in paths
        (named || jmhHere) ? [[pid: pid, args: args]] : []
    }
}
def describe = { List procs -> procs.collect { "  pid ${it.pid}: ${it.args.join(' ').take(300)}" }.join('\n') }
def tmpArgFiles = { -> (new File('/tmp').listFiles() ?: []).findAll { it.name ==~ /perfgate-jmh-.*\.args/ } as Set }

def before = tmpArgFiles()
def log = new File(root, 'sigkill-build.log')
log.text = "# ${command.join(' ')}\n"
def maven = new ProcessBuilder(command).directory(root).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start()
def survivors = []
def hostArgFile = null
def leaked = []
try {
    // bin/mvn execs java, so the process started is Maven's own JVM: that is what must be SIGKILLed.
    def mavenArgs = null
    for (int i = 0; i < 50 && maven.alive; i++) {
        mavenArgs = argsOf(maven.pid())
        if (mavenArgs?.any { it.contains('classworlds') }) break
        Thread.sleep(100)
    }
    assert mavenArgs?.any { it.contains('classworlds') } : "pid ${maven.pid()} is not Maven's JVM: ${mavenArgs}"

    // Wait (5 minutes at most) until a JMH fork of this project runs.
    def fork = null
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5)
    while (fork == null && maven.alive && System.nanoTime() < deadline) {
        fork = ours().find { it.args.contains('org.openjdk.jmh.runner.ForkedMain') }
        if (fork == null) Thread.sleep(200)
    }
    assert fork : "no JMH fork of this project started (Maven ${maven.alive ? 'still runs' : 'ended'}):\n" +
            log.readLines().takeRight(30).join('\n')
    def hostHandle = maven.toHandle().descendants().find { h -> argsOf(h.pid())?.contains('org.openjdk.jmh.Main') }
    def host = hostHandle == null ? null : argsOf(hostHandle.pid())
    hostArgFile = host?.find { it.startsWith('@') }?.substring(1)

    new ProcessBuilder('kill', '-9', Long.toString(maven.pid())).inheritIO().start().waitFor()
    assert maven.waitFor(30, TimeUnit.SECONDS) : 'Maven did not die of SIGKILL'
    log << "# perfgate IT: Maven (pid ${maven.pid()}) killed with SIGKILL while ${fork.pid} ran\n"

    // Everything of the run must be gone within 10 s.
    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10)
    survivors = ours()
    while (!survivors.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(200)
        survivors = ours()
    }
    assert survivors.isEmpty() : "still alive 10 s after Maven was killed with SIGKILL:\n${describe(survivors)}"
} finally {
    // Nothing may leak into later ITs, whatever failed above.
    if (maven.alive) {
        maven.toHandle().descendants().forEach { it.destroyForcibly() }
        maven.destroyForcibly()
    }
    ours().each { p -> ProcessHandle.of(p.pid).ifPresent { it.destroyForcibly() } }
    // An argfile this build left in /tmp is reported below, and removed.
    leaked = (tmpArgFiles() - before).findAll { f ->
        try {
            paths.any { f.text.contains(it) }
        } catch (IOException ignored) {
            false
        }
    }
    leaked.each { it.delete() }
}

assert leaked.isEmpty() : "the build wrote its JMH argfile into /tmp: ${leaked*.path}"
assert hostArgFile : 'the JMH host was not found under Maven, or reads no @argfile'
assert paths.any { hostArgFile.startsWith("${it}/target/perfgate/tmp/".toString()) } :
        "the JMH argfile is not under target/perfgate/tmp: ${hostArgFile}"
return true
