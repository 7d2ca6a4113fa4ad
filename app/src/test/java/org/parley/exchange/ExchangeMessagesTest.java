package org.parley.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.parley.wishes.WishStatus;

/**
 * The texts the exchange pages look up by a key they compose (an enum value, a dimension of "left off", a field
 * named by a service's error) exist in English, Ukrainian and Russian; so do the keys written out in the pages'
 * code. (The keys of the templates are checked by {@code WebMessagesTest}.)
 */
class ExchangeMessagesTest {

    private static final Pattern JAVA_KEY = Pattern.compile("\"((?:exchange|round|list|editor|leftOff|reconciliation"
            + "|diff|matchOutcome|confirmation|listKind|roundState|removalReason|ineligibleReason|common|exchangeList"
            + "|approval|agreement|handover|report|balance|handoverOutcome|releaseSource|exclusion)"
            + "\\.[A-Za-z0-9_.]+[A-Za-z0-9_])\"");

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ExchangeMessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static void constants(Set<String> keys, String prefix, Enum<?>[] values) {
        Arrays.stream(values).forEach(v -> keys.add(prefix + "." + v.name()));
    }

    static Set<String> composedKeys() {
        Set<String> keys = new LinkedHashSet<>();
        constants(keys, "roundState", RoundState.values());
        constants(keys, "matchOutcome", MatchOutcome.values());
        keys.add("matchOutcome.PENDING");
        constants(keys, "confirmation", Confirmation.values());
        constants(keys, "removalReason", RemovalReason.values());
        keys.add("removalReason.NO_LONGER_MATCHED");
        constants(keys, "ineligibleReason", IneligibleReason.values());
        Arrays.stream(ListKind.values()).forEach(k -> keys.add("listKind." + k.code()));
        LeftOffPagesController.DIMENSIONS.forEach(d -> keys.add("leftOff.dimension." + d));
        constants(keys, "leftOff.wish", WishStatus.values());
        List.of("under1", "1to2", "2to3", "3plus").forEach(y -> keys.add("leftOff.years." + y));
        Arrays.stream(EntryInput.class.getRecordComponents()).forEach(c -> keys.add("exchange.field." + c.getName()));
        List.of("counterparty", "intermediary", "title", "reason", "entries", "removals", "reasonAll", "noteAll",
                "basedOn", "balance", "count").forEach(f -> keys.add("exchange.field." + f));
        constants(keys, "balance", Proposal.Balance.values());
        constants(keys, "balance.hint", Proposal.Balance.values());
        constants(keys, "releaseSource", ReleaseSource.values());
        constants(keys, "exclusion", Proposal.Exclusion.values());
        keys.add("exclusion.REMOVED");
        constants(keys, "handoverOutcome", HandoverOutcome.values());
        return keys;
    }

    @Test
    void everyKeyThePagesComposeOrWriteOutHasATextInEveryLanguage() throws IOException {
        Set<String> keys = composedKeys();
        try (Stream<Path> files = Files.walk(Paths.get("src/main/java/org/parley/exchange"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher m = JAVA_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        assertThat(keys).contains("editor.stale", "round.timeline.opened", "roundState.NEGOTIATING",
                "approval.problem.notInCustody", "handover.declineNotVerified", "report.byCategory");
        for (String bundle : List.of("messages.properties", "messages_uk.properties", "messages_ru.properties")) {
            Properties messages = load(bundle);
            Set<String> missing = new TreeSet<>();
            keys.stream().filter(k -> messages.getProperty(k) == null).forEach(missing::add);
            assertThat(missing).as("missing in " + bundle).isEmpty();
        }
    }
}
