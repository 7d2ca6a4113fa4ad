package org.parley.access;

import org.parley.api.Caller;
import org.parley.api.Callers;
import org.parley.api.HtmlPages;
import org.parley.api.Role;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where each user lands after the login (unless they had asked for a page before it) and at {@code /}: the page
 * where their work is. A user with several roles lands on the first of these that they may open, in this order:
 * <ol>
 * <li>administrators: the users ({@code /admin/users});</li>
 * <li>auditors of an organisation: the audit log ({@code /audit});</li>
 * <li>the intermediary's interviewers: the interview queue ({@code /wishes/queue});</li>
 * <li>negotiators: the exchange rounds ({@code /exchanges});</li>
 * <li>registrars, viewers and everyone else who reads records: the persons ({@code /persons});</li>
 * <li>anyone else: their account ({@code /account}).</li>
 * </ol>
 * The more particular duty comes first: few users hold it, and the persons are one link away on every page.
 */
@Controller
@HtmlPages
class LandingPage {

    static String of(Caller caller) {
        boolean member = caller.organisation() != null;
        if (caller.has(Role.ADMIN)) {
            return "/admin/users";
        }
        if (member && caller.has(Role.AUDITOR)) {
            return "/audit";
        }
        if (caller.intermediary() && caller.readsRecords() && caller.has(Role.INTERVIEWER)) {
            return "/wishes/queue";
        }
        if (caller.readsRecords() && caller.has(Role.NEGOTIATOR)) {
            return "/exchanges";
        }
        return caller.readsRecords() ? "/persons" : "/account";
    }

    @GetMapping("/")
    String home() {
        return "redirect:" + of(Callers.require());
    }
}
