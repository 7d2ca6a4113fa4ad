package org.parley.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.web.BrowserTest;

/**
 * The bundles page in Chromium, as the intermediary's registrar: a bundle file is uploaded and refused with the
 * reason, in the page's language; the history of bundles received is shown.
 */
class BundlePageBrowserTest extends BrowserTest {

    @Override
    protected String defaultUser() {
        return "registrar@intermediary";
    }

    @Test
    void aRegistrarUploadsABundleAndSeesWhyItIsRefusedInTheirLanguage(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("bundle.json");
        Files.writeString(file, "{\"format\": \"parley-notification-bundle\", \"formatVersion\": 1}");

        open("/bundles?lang=uk");
        assertThat(find("h1").getText()).isEqualTo("Пакети повідомлень");
        assertThat(find("#upload-heading").getText()).isEqualTo("Імпортувати пакет");
        find("#bundle-file").sendKeys(file.toString());
        clickToLoad(find("#bundle-upload"));
        assertThat(find("#bundle-refused").getText()).startsWith("Пакет відхилено, нічого не збережено:")
                .contains("malformed bundle").contains("sequence");
        assertThat(find("#history-heading").getText()).isEqualTo("Отримані пакети за відправниками");

        open("/bundles?lang=ru");
        assertThat(find("h1").getText()).isEqualTo("Пакеты уведомлений");
        open("/bundles?lang=en");
        assertThat(find("h1").getText()).isEqualTo("Notification bundles");
        assertThat(consoleErrors()).isEmpty();
    }
}
