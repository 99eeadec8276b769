// The start of the command line of a Maven build that a verify.groovy runs itself, nested in its IT: the Maven that
// runs the ITs, offline, on the ITs' local repository (the user's repository as its tail) and the ITs' settings.
// Not an IT itself (no pom.xml). A script loads it with:
//   def nestedMaven = evaluate(new File(itSupport, 'NestedMaven.groovy'))
//   def command = nestedMaven(basedir.canonicalFile, itRepoTail,
//           binding.hasVariable('localRepositoryPath') ? localRepositoryPath : null) + ['perfgate:baseline']

return { File root, repoTail, localRepositoryPath ->
    def mvn = new File(System.getProperty('maven.home'), 'bin/mvn')
    assert mvn.canExecute() : "no Maven launcher at ${mvn} (maven.home=${System.getProperty('maven.home')})"
    def localRepo = localRepositoryPath != null ? new File(localRepositoryPath.toString())
            : new File(root, '../../local-repo')
    List<String> command = [mvn.path, '-B', '-o', "-Dmaven.repo.local=${localRepo.canonicalPath}".toString(),
                            "-Dmaven.repo.local.tail=${repoTail}".toString()]
    def settings = new File(root.parentFile, 'interpolated-settings.xml')
    if (settings.isFile()) {
        command += ['-s', settings.path]
    }
    command
}
