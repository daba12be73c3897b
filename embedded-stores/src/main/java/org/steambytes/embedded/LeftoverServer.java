package org.steambytes.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server a killed predecessor left behind. PostgreSQL and Redis run as child processes; after a
 * {@code kill -9} of this process they keep running, holding the data directory and their port, or
 * they were killed too and left a pid file naming a pid that may since belong to another program.
 * Either way the next start must begin cleanly (docs/ARCHITECTURE.md §6).
 */
final class LeftoverServer {

    private static final Logger log = LoggerFactory.getLogger(LeftoverServer.class);

    private LeftoverServer() {
    }

    /**
     * Stops the process the pid file names if it is still the named server (its command line contains
     * {@code commandWord}), with {@code signal} first and KILL after {@code patience}; then deletes a
     * pid file that names no such process.
     */
    static void stop(Path pidFile, String commandWord, String signal, Duration patience) throws IOException {
        Optional<Long> pid = pidIn(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get())
                .filter(ProcessHandle::isAlive)
                .filter(handle -> commandLineOf(handle.pid()).contains(commandWord));
        if (process.isPresent()) {
            log.warn("{} (pid {}) was left running by a killed predecessor; stopping it", commandWord, pid.get());
            signal(pid.get(), signal);
            if (!waitForExit(process.get(), patience)) {
                log.warn("{} (pid {}) did not stop within {}; killing it", commandWord, pid.get(), patience);
                process.get().destroyForcibly();
                waitForExit(process.get(), Duration.ofSeconds(5));
            }
        } else {
            log.info("Removing the stale {} (pid {} no longer runs {})", pidFile, pid.get(), commandWord);
        }
        Files.deleteIfExists(pidFile);
    }

    private static Optional<Long> pidIn(Path pidFile) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        String firstLine = Files.readString(pidFile).lines().findFirst().orElse("").trim();
        try {
            return Optional.of(Long.parseLong(firstLine));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String commandLineOf(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"))).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    private static void signal(long pid, String signal) throws IOException {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration patience) {
        try {
            process.onExit().get(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return !process.isAlive();
        }
    }
}
