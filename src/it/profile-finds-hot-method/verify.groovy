// perfgate:profile on HotBench, whose time goes to Work.crunch: crunch is the first row of the hot-method table
// in the build log and in target/perfgate/profile.md, with most of the samples, and the allocation is reported.
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def md = new File(basedir, 'target/perfgate/profile.md')

assert log.contains('BUILD SUCCESS')
assert !lines.any { it.startsWith('[ERROR]') } : 'an ERROR was logged'
assert !log.contains('no benchmark selected') : 'the -Dperfgate.include selection was not seen'

// The log: a title line, then the table; its first row is crunch.
def title = lines.find { it.contains('Profile of it.profile.HotBench.hotLoop (avgt): ') }
assert title : 'no profile title in the log'
assert title =~ /: [\d.]+ us\/op, [\d.]+ B\/op allocated, \d+ CPU samples$/ : title
def rows = lines.findAll { it =~ /^\[INFO\]\s+\d+\s+\d+\s+[\d.]+%\s+\S+$/ }
assert rows : 'no hot-method rows in the log'
def first = (rows[0] =~ /^\[INFO\]\s+(\d+)\s+(\d+)\s+([\d.]+)%\s+(\S+)$/)[0]
assert first[1] == '1' && first[4] == 'it.profile.Work.crunch' : "first row in the log: ${rows[0]}"
assert (first[3] as double) >= 50 : "crunch has only ${first[3]}% of the samples: ${rows[0]}"
assert log =~ /JFR recording: .*it\.profile\.HotBench\.hotLoop-AverageTime[\/\\]profile\.jfr/
assert log =~ /profile written to .*profile\.md/

// The markdown: one section for the benchmark, its table's first row is crunch.
assert md.isFile() : 'target/perfgate/profile.md was not written'
def text = md.text
assert text.startsWith('# perfgate profile')
assert text.contains('## `it.profile.HotBench.hotLoop` (avgt)')
assert text =~ /- Allocation: [\d.]+ B\/op \(`gc\.alloc\.rate\.norm`\)/
assert text.contains('| # | Method | Samples | Self time |')
def mdFirst = text.readLines().find { it.startsWith('| 1 |') }
assert mdFirst =~ /^\| 1 \| `it\.profile\.Work\.crunch` \| \d+ \| [\d.]+% \|$/ : "first row in profile.md: ${mdFirst}"
assert text.contains('## How this was measured')

// The recording JMH's jfr profiler wrote is kept for JDK Mission Control.
assert new File(basedir, 'target/perfgate/jfr/it.profile.HotBench.hotLoop-AverageTime/profile.jfr').isFile()
return true
