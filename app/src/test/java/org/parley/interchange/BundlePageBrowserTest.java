package org.parley.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.audit.AuditTree;
import org.parley.audit.SigningKey;
import org.parley.registry.OrganisationKeys;
import org.parley.web.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bundles page in Chromium, as the intermediary's registrar: a malformed file is refused with the reason, a
 * genuine bundle (Party B's, signed with the key registered for it) is accepted and appears in the history; in
 * Ukrainian, Russian and English.
 */
class BundlePageBrowserTest extends BrowserTest {

    @Autowired
    SigningKey instanceKey;
    @Autowired
    OrganisationKeys keys;
    @Autowired
    AuditTree tree;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    @Override
    protected String defaultUser() {
        return "registrar@intermediary";
    }

    @Test
    void aRegistrarUploadsBundlesAndSeesThemRefusedOrAcceptedInTheirLanguage(@TempDir Path directory)
            throws Exception {
        Path malformed = directory.resolve("malformed.json");
        Files.writeString(malformed, "{\"format\": \"parley-notification-bundle\", \"formatVersion\": 1}");

        open("/bundles?lang=uk");
        assertThat(find("h1").getText()).isEqualTo("Пакети повідомлень");
        assertThat(find("#upload-heading").getText()).isEqualTo("Імпортувати пакет");
        find("#bundle-file").sendKeys(malformed.toString());
        clickToLoad(find("#bundle-upload"));
        assertThat(find("#bundle-refused").getText()).startsWith("Пакет відхилено, нічого не збережено:")
                .contains("malformed bundle").contains("required property 'sequence' not found");

        Path genuine = directory.resolve("genuine.json");
        ObjectNode bundle = nextEmptyBundleFromPartyB();
        Files.writeString(genuine, json.writeValueAsString(bundle));
        find("#bundle-file").sendKeys(genuine.toString());
        clickToLoad(find("#bundle-upload"));
        int sequence = bundle.get("sequence").intValue();
        assertThat(find("#bundle-accepted").getText()).isEqualTo("Пакет " + sequence
                + " від party-b прийнято: осіб — 0 (нових — 0, оновлених — 0), подій — 0.");
        assertThat(find("#history-heading").getText()).isEqualTo("Отримані пакети за відправниками");
        assertThat(find("#bundle-history").getText()).contains("party-b").contains("registrar@intermediary");

        open("/bundles?lang=ru");
        assertThat(find("h1").getText()).isEqualTo("Пакеты уведомлений");
        assertThat(find("#bundle-history th").getText()).isEqualTo("Отправитель");
        open("/bundles?lang=en");
        assertThat(find("h1").getText()).isEqualTo("Notification bundles");
        assertThat(consoleErrors()).isEmpty();
    }

    /** The next bundle of the party-b to intermediary chain, with no person, signed with the key registered for it. */
    private ObjectNode nextEmptyBundleFromPartyB() {
        keys.set(null, "party-b", instanceKey.publicKey());
        var last = jdbc.sql("select sequence, hash from bundle_received where sender = 'party-b' "
                + "and receiver = 'intermediary' order by sequence desc limit 1")
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getString(2)}).optional();
        ObjectNode body = json.createObjectNode().put("format", BundleDocument.FORMAT)
                .put("formatVersion", BundleDocument.FORMAT_VERSION).put("sender", "party-b")
                .put("receiver", "intermediary").put("sequence", last.map(l -> (Integer) l[0] + 1).orElse(1))
                .put("createdAt", Instant.now().truncatedTo(ChronoUnit.MICROS).toString());
        if (last.isPresent()) {
            body.put("previousHash", (String) last.get()[1]);
        } else {
            body.putNull("previousHash");
        }
        BundleDocument.checkpoint(body.putObject("checkpoint"), tree.sign());
        body.putArray("persons");
        return BundleDocument.sign(body, instanceKey);
    }
}
