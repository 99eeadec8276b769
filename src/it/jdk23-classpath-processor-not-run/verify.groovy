// Build 1: the processor sat on the test classpath and javac 23+ did not run it. The BUILD ERROR says so and gives
// the exact fix: the processor path snippet, the maven.compiler.proc property, and the one-off command. Nothing was
// recorded. Build 2 ran that one-off command and recorded the baseline, so the advice works.
def buildLog = evaluate(new File(itSupport, 'BuildLog.groovy'))
def builds = buildLog.builds(new File(basedir, 'build.log'),
        ['build 1 (baseline as perfgate 0.1 documented)': 'FAILURE', 'build 2 (the one-off fix)': 'SUCCESS'])

def first = builds[0]
// Maven prints each line of a multi-line message with its own [ERROR] prefix: the message as perfgate wrote it.
def message = buildLog.failure(first, 'baseline').message.readLines()
        .collect { it.replaceFirst(/^\[ERROR\] /, '') }.join('\n')
int jdk = Runtime.version().feature()
assert message.contains("perfgate: No JMH benchmarks found: JMH's annotation processor did not run."
        + " org.openjdk.jmh:jmh-generator-annprocess is on the classpath, but javac 23 and newer run no annotation"
        + " processor found only on the classpath unless processing is asked for, and this build compiled with JDK"
        + " ${jdk} without asking, so the @Benchmark methods in ") : "not the JDK 23 diagnosis:\n${message}"
assert message.contains(String.join('\n',
        "Name the processor for the compilation of the benchmarks (works with every JDK):",
        '  <plugin>',
        '    <artifactId>maven-compiler-plugin</artifactId>',
        '    <executions>',
        '      <execution>',
        '        <id>default-testCompile</id>',
        '        <configuration>',
        '          <annotationProcessorPaths>',
        '            <path>',
        '              <groupId>org.openjdk.jmh</groupId>',
        '              <artifactId>jmh-generator-annprocess</artifactId>',
        "              <version>${jmhVersion}</version>",
        '            </path>',
        '          </annotationProcessorPaths>',
        '        </configuration>',
        '      </execution>',
        '    </executions>',
        '  </plugin>',
        'or turn processing on for the whole build (javac 21 and newer, and 17.0.11 and newer, know -proc:full):',
        '  <properties>',
        '    <maven.compiler.proc>full</maven.compiler.proc>',
        '  </properties>',
        "(or <proc>full</proc> in maven-compiler-plugin's <configuration>). For one build: mvn clean test-compile"
                + ' perfgate:baseline -Dmaven.compiler.proc=full')) : "the fix is not spelled out:\n${message}"
// A BUILD ERROR (a setup problem), not a failed gate: Maven's help link is the one of MojoExecutionException.
assert first.any { it.startsWith('[ERROR] [Help 1] ') && it.endsWith('/MojoExecutionException') } :
        'the failure is not a BUILD ERROR (MojoExecutionException)'
assert !first.any { it.contains('perfgate: running JMH benchmarks') } : 'build 1 ran JMH'

def second = builds[1]
assert second.any { it ==~ /\[INFO\] perfgate: Baseline written to .*baseline\.json.*/ } :
        'build 2 (with -Dmaven.compiler.proc=full) wrote no baseline'
assert new File(basedir, 'perf/baseline.json').isFile()
return true
