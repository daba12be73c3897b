package org.steambytes.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A module's runnable jar as the build packaged it: {@code ../<module>/target/<module>-*-exec.jar}
 * (the spring-boot-maven-plugin's {@code exec} classifier, root pom), next to this module. A service's,
 * or any other runnable module's a run mode needs.
 */
record ServiceJar(String module, Path path) {

    static ServiceJar of(SuiteService service) {
        return of(service.module());
    }

    static ServiceJar of(String module) {
        Path target = Path.of("").toAbsolutePath().resolveSibling(module).resolve("target");
        List<Path> jars;
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            jars = files.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith(module + "-") && name.endsWith("-exec.jar");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (jars.isEmpty()) {
            throw new IllegalStateException("no " + target.resolve(module + "-*-exec.jar")
                    + ": package the services first (mvn -DskipTests package, or run from the root: mvn verify)");
        }
        return new ServiceJar(module, jars.get(jars.size() - 1));
    }
}
