package org.parley.access;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one client address was refused in one minute without being logged in: how many requests were refused
 * (401, or sent to the login page), how many logins failed, and the counts by "METHOD path" and by username
 * tried. Each map keeps at most {@value #MAX_KEYS} keys; further ones are counted under {@value #OTHER}, so that a
 * flood of distinct paths or names stays one small entry.
 */
record RefusalTally(String source, Instant minute, int refusals, int failedLogins, Map<String, Integer> paths,
        Map<String, Integer> usernames) {

    static final int MAX_KEYS = 20;
    static final String OTHER = "(other)";
    private static final int MAX_KEY_LENGTH = 200;

    RefusalTally {
        paths = Map.copyOf(paths);
        usernames = Map.copyOf(usernames);
    }

    /** The counts of one source and minute while they are being made; guarded by its own lock. */
    static final class Counter {
        private final String source;
        private final Instant minute;
        private int refusals;
        private int failedLogins;
        private final Map<String, Integer> paths = new TreeMap<>();
        private final Map<String, Integer> usernames = new TreeMap<>();
        /** Set once the counts were taken for storing: a late request counts in a new counter instead. */
        private boolean closed;

        Counter(String source, Instant minute) {
            this.source = source;
            this.minute = minute;
        }

        /** @return false if closed: the caller counts in a fresh counter */
        synchronized boolean refused(String methodAndPath) {
            if (closed) {
                return false;
            }
            refusals++;
            add(paths, methodAndPath);
            return true;
        }

        /** @return false if closed: the caller counts in a fresh counter */
        synchronized boolean failedLogin(String username) {
            if (closed) {
                return false;
            }
            failedLogins++;
            add(usernames, username);
            return true;
        }

        synchronized RefusalTally close() {
            closed = true;
            return new RefusalTally(source, minute, refusals, failedLogins, paths, usernames);
        }

        private static void add(Map<String, Integer> counts, String key) {
            String shortKey = key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
            counts.merge(counts.containsKey(shortKey) || counts.size() < MAX_KEYS ? shortKey : OTHER, 1, Integer::sum);
        }
    }
}
