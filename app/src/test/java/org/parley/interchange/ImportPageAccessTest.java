package org.parley.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.parley.web.PageSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.parley.DemoUsers;
import org.parley.ParleyTest;
import org.parley.TestCallers;
import org.parley.access.UserService;
import org.parley.api.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The import page opened and posted to by every demo user (and by nobody): only registrars of a party import, each
 * for its own party; an import of another organisation is not found; everybody else is refused (403), as on the
 * registrar's other pages; nobody logged in goes to the login page; a post without the CSRF token is refused.
 */
@ParleyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportPageAccessTest {

    @LocalServerPort
    int port;
    @Autowired
    ImportService imports;
    @Autowired
    UserService users;

    /** An import of party-a, with a rejected row (so that its report has something to hide). */
    private UUID importOfA;
    private final List<String> mismatches = new ArrayList<>();

    @BeforeAll
    void importAFileOfPartyA() throws IOException {
        Path file = Files.createTempFile("import-page-access-", ".csv");
        Files.writeString(file, "surname;date_of_birth;prisoner_number\nГрач;31.02.1990;ACC-" + UUID.randomUUID()
                + "\n", StandardCharsets.UTF_8);
        importOfA = imports.start(TestCallers.of(users, "registrar@party-a"), file, "access.csv", null,
                new ImportOptions("party-a", "party-b", null, true, null)).id();
    }

    private static boolean imports(DemoUsers.DemoUser user) {
        return user.role() == Role.REGISTRAR && !"intermediary".equals(user.organisation());
    }

    @Test
    void onlyRegistrarsOfAPartyImportAndOnlyTheirOwnImportsAreFound() {
        List<DemoUsers.DemoUser> everybody = new ArrayList<>(DemoUsers.all());
        everybody.add(null);
        int checked = 0;
        for (DemoUsers.DemoUser user : everybody) {
            PageSession session = PageSession.of(port, user == null ? null : user.username());
            String name = user == null ? "anonymous" : user.username();
            int page = user == null ? 302 : imports(user) ? 200 : 403;
            int ownImport = user == null ? 302 : !imports(user) ? 403 : "party-a".equals(user.organisation()) ? 200
                    : 404;
            expect(name, "GET /imports", session.get("/imports"), page);
            if (user != null && DemoUsers.readsRecords(user.organisation(), user.role())) {
                // the links to the import page: in the navigation and beside "Register a person", for importers only
                String persons = session.get("/persons").body();
                if (persons.contains("id=\"nav-imports\"") != imports(user)
                        || persons.contains("id=\"import-persons\"") != imports(user)) {
                    mismatches.add(name + " sees the links to the import page: " + !imports(user));
                }
            }
            expect(name, "GET /imports/new", session.get("/imports/new"), page);
            expect(name, "GET import of party-a", session.get("/imports/" + importOfA), ownImport);
            expect(name, "GET status fragment of party-a", session.getFragment("/imports/" + importOfA), ownImport);
            expect(name, "GET report of party-a", session.get("/imports/" + importOfA + "/rejected.csv"), ownImport);
            expect(name, "GET unknown import", session.get("/imports/" + UUID.randomUUID()),
                    user == null ? 302 : imports(user) ? 404 : 403);
            expect(name, "GET import by a bad id", session.get("/imports/not-an-id"),
                    user == null ? 302 : imports(user) ? 404 : 403);
            for (String step : List.of("", "/preview", "/mapping")) {
                expect(name, "GET an upload of nobody" + step, session.get("/imports/uploads/" + UUID.randomUUID()
                        + step), user == null ? 302 : imports(user) ? step.equals("/mapping") ? 302 : 404 : 403);
            }

            String party = user == null || user.organisation() == null ? "party-a" : user.organisation();
            byte[] file = "Прізвище;Дата народження\nЛис;01.01.1990\n".getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> upload = session.upload("/imports", Map.of("holdingParty", party), "f.csv", file);
            expect(name, "POST /imports for its own party", upload, user == null ? 302 : imports(user) ? 302 : 403);
            if (user != null && imports(user)) {
                assertThat(PageSession.location(upload)).startsWith("/imports/uploads/");
                String other = party.equals("party-a") ? "party-b" : "party-a";
                expect(name, "POST /imports for another party", session.upload("/imports",
                        Map.of("holdingParty", other), "f.csv", file), 403);
                // an upload of another session is not found, whoever asks
                expect(name, "GET another session's upload",
                        PageSession.of(port, user.username()).get(PageSession.location(upload)), 404);
            } else if (user == null) {
                assertThat(PageSession.location(upload)).endsWith("/login");
            }
            expect(name, "POST /imports without the CSRF token", session.upload("/imports",
                    Map.of("holdingParty", party), Map.of("file", Map.entry("f.csv", file)), false), 403);
            expect(name, "POST start of an upload of nobody", session.post("/imports/uploads/" + UUID.randomUUID()
                    + "/start", Map.of()), user == null ? 302 : imports(user) ? 404 : 403);
            expect(name, "POST mapping of an upload of nobody", session.post("/imports/uploads/" + UUID.randomUUID()
                    + "/mapping", Map.of("column.0", "surname")), user == null ? 302 : imports(user) ? 404 : 403);
            checked++;
        }
        assertThat(mismatches).isEmpty();
        assertThat(checked).isEqualTo(DemoUsers.all().size() + 1);
    }

    @Test
    void anImportOfAnotherOrganisationShowsNothingOfIt() {
        PageSession other = PageSession.of(port, "registrar@party-b");
        HttpResponse<String> list = other.get("/imports");
        assertThat(list.body()).doesNotContain(importOfA.toString(), "access.csv");
        HttpResponse<String> report = other.get("/imports/" + importOfA + "/rejected.csv");
        assertThat(report.statusCode()).isEqualTo(404);
        assertThat(report.body()).doesNotContain("31.02.1990");
        assertThat(PageSession.of(port, "registrar@party-a").get("/imports").body())
                .contains(importOfA.toString());
    }

    private void expect(String who, String what, HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            mismatches.add(who + " " + what + ": expected " + status + ", got " + response.statusCode());
        }
    }
}
