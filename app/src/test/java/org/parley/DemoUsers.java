package org.parley;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.parley.api.Role;

/**
 * The demo world's users (one per role and organisation, interviewers at the intermediary only, and the instance
 * administrator), and the visibility rules of the README ("Access control") written out independently of the
 * code, for the access matrix tests.
 */
public final class DemoUsers {

    /** A demo user: {@code role@organisation}, or "admin" without an organisation. */
    public record DemoUser(String username, String organisation, Role role) {
    }

    private DemoUsers() {
    }

    public static List<DemoUser> all() {
        List<DemoUser> users = new ArrayList<>();
        for (String organisation : List.of("party-a", "party-b", "intermediary")) {
            for (Role role : Role.values()) {
                if (role != Role.INTERVIEWER || organisation.equals("intermediary")) {
                    users.add(new DemoUser(role.name().toLowerCase(Locale.ROOT) + "@" + organisation, organisation,
                            role));
                }
            }
        }
        users.add(new DemoUser("admin", null, Role.ADMIN));
        return users;
    }

    /** Whether a user with this organisation and role reads person records at all. */
    public static boolean readsRecords(String organisation, Role role) {
        return organisation != null && role != Role.ADMIN;
    }

    /**
     * Whether an organisation sees a record: the holder always; the power of origin and the intermediary once the
     * holder has notified.
     */
    public static boolean sees(String organisation, String holder, String origin, boolean notified) {
        return holder.equals(organisation)
                || notified && (origin.equals(organisation) || "intermediary".equals(organisation));
    }
}
