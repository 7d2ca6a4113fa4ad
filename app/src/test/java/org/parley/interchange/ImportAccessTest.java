package org.parley.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.parley.DemoUsers;
import org.parley.ParleyTest;
import org.parley.api.Role;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every demo user, nobody and a forged token against the import endpoints: only a registrar of the holding party
 * imports; only the importing organisation reads an import (its readers), everyone else gets 404.
 */
@ParleyTest
class ImportAccessTest {

    @LocalServerPort
    int port;

    private static final byte[] REFUSED_FILE = "surname,date_of_birth\nDuplex,31.02.1990\n"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void onlyARegistrarOfTheHoldingPartyStartsAnImport() {
        List<String> failures = new ArrayList<>();
        for (DemoUsers.DemoUser user : DemoUsers.all()) {
            ApiClient client = new ApiClient(port).as(user.username());
            int status = ImportUploads.post(client, Map.of("holdingParty", "party-a"), Map.of("file", REFUSED_FILE))
                    .status();
            int expected = user.role() == Role.REGISTRAR && "party-a".equals(user.organisation()) ? 202 : 403;
            if (status != expected) {
                failures.add(user.username() + ": " + status + " instead of " + expected);
            }
        }
        assertThat(ImportUploads.post(new ApiClient(port), Map.of("holdingParty", "party-a"),
                Map.of("file", REFUSED_FILE)).status()).as("nobody").isEqualTo(401);
        assertThat(ImportUploads.post(new ApiClient(port).withToken("prl_forged"), Map.of("holdingParty", "party-a"),
                Map.of("file", REFUSED_FILE)).status()).as("a forged token").isEqualTo(401);
        assertThat(failures).isEmpty();
    }

    @Test
    void onlyTheImportingOrganisationReadsAnImport() {
        ApiClient registrar = new ApiClient(port).as("registrar@party-a");
        String id = ImportUploads.post(registrar, Map.of("holdingParty", "party-a"), Map.of("file", REFUSED_FILE))
                .json().get("id").stringValue();
        ImportUploads.awaitEnd(registrar, id);
        List<String> failures = new ArrayList<>();
        for (DemoUsers.DemoUser user : DemoUsers.all()) {
            ApiClient client = new ApiClient(port).as(user.username());
            int expected = "party-a".equals(user.organisation()) && user.role() != Role.ADMIN ? 200 : 404;
            int status = client.get("/api/v1/imports/" + id).status();
            int report = client.download("/api/v1/imports/" + id + "/rejected.csv", "en").status();
            if (status != expected || report != expected) {
                failures.add(user.username() + ": " + status + "/" + report + " instead of " + expected);
            }
        }
        assertThat(new ApiClient(port).get("/api/v1/imports/" + id).status()).as("nobody").isEqualTo(401);
        assertThat(failures).isEmpty();
    }
}
