package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The reader's time zone as the browser names it: IANA's current name, or UTC for anything else. */
class ViewerTimeZoneTest {

    @Test
    void zonesAreNamedAsIanaNamesThemNow() {
        assertThat(ViewerTimeZone.parse("Europe/Kiev").getId()).isEqualTo("Europe/Kyiv");
        assertThat(ViewerTimeZone.parse("Europe/Kyiv").getId()).isEqualTo("Europe/Kyiv");
        assertThat(ViewerTimeZone.parse("America/Argentina/Buenos_Aires").getId())
                .isEqualTo("America/Argentina/Buenos_Aires");
    }

    @Test
    void anythingElseIsUtc() {
        for (String name : new String[] {null, "", "Mars/Olympus", "+02:00", "../../etc/passwd", "Europe/Kyiv;x",
                "A".repeat(100)}) {
            assertThat(ViewerTimeZone.parse(name)).as(name).isEqualTo(ViewerTimeZone.UTC);
        }
        assertThat(ViewerTimeZone.UTC.getId()).isEqualTo("UTC");
    }

    @Test
    void timesAreShownToTheSecond() {
        assertThat(ViewerTimeZone.format(Instant.parse("2026-11-25T06:40:05.123Z"), ZoneId.of("Europe/Kyiv")))
                .isEqualTo("2026-11-25 08:40:05");
    }
}
