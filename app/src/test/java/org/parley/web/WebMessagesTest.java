package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.parley.api.MessageKeys;
import org.parley.api.Role;
import org.parley.names.Script;
import org.parley.registry.Branch;
import org.parley.registry.Category;
import org.parley.registry.Confidence;
import org.parley.registry.EventType;
import org.parley.registry.FactSource;
import org.parley.registry.HealthState;
import org.parley.registry.OrganisationKind;
import org.parley.registry.PersonField;
import org.parley.registry.RankGroup;
import org.parley.registry.Sex;
import org.parley.registry.Status;
import org.parley.wishes.StatementMethod;
import org.parley.wishes.Wish;
import org.parley.wishes.WishStatus;

/**
 * The message bundles of the UI: English, Ukrainian and Russian have the same keys, every enum value the UI shows
 * and every fact of a record has a text in all three, every key the templates and the pages' code use exists, and
 * every message is a valid {@link MessageFormat} pattern with the same arguments in every language.
 */
class WebMessagesTest {

    /** Every enum whose constants the UI shows; each constant has a key in every message bundle. */
    private static final List<Class<? extends Enum<?>>> TRANSLATED_ENUMS = List.of(Status.class, Category.class,
            Branch.class, RankGroup.class, EventType.class, HealthState.class, Sex.class, FactSource.class,
            Confidence.class, OrganisationKind.class, Script.class, PersonField.Section.class, Role.class, Wish.class,
            StatementMethod.class, WishStatus.class);

    private static final Map<String, String> BUNDLES = Map.of("en", "messages.properties",
            "uk", "messages_uk.properties", "ru", "messages_ru.properties");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)");
    private static final Pattern JAVA_KEY = Pattern.compile(
            "\"((?:common|source|event|change|filter|results|person|error|flag|timeline|pagination|column|nav)"
                    + "\\.[A-Za-z0-9_.]+)\"");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = WebMessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name + " on the class path").isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Map<String, Properties> bundles() throws IOException {
        Map<String, Properties> bundles = new java.util.TreeMap<>();
        for (Map.Entry<String, String> bundle : BUNDLES.entrySet()) {
            bundles.put(bundle.getKey(), load(bundle.getValue()));
        }
        return bundles;
    }

    /** Every key that enums and fields need. */
    static Set<String> requiredKeys() {
        Set<String> keys = new LinkedHashSet<>();
        List<Class<? extends Enum<?>>> enums = new ArrayList<>(TRANSLATED_ENUMS);
        for (PersonField field : PersonField.values()) {
            keys.add(field.messageKey());
            if (field.kind().enumType() != null && !enums.contains(field.kind().enumType())) {
                enums.add(field.kind().enumType());
            }
        }
        for (Class<? extends Enum<?>> type : enums) {
            for (Enum<?> constant : type.getEnumConstants()) {
                keys.add(MessageKeys.of(constant));
            }
        }
        return keys;
    }

    @Test
    void theThreeBundlesHaveTheSameKeys() throws IOException {
        Map<String, Properties> bundles = bundles();
        Set<String> english = bundles.get("en").stringPropertyNames();
        assertThat(english).hasSizeGreaterThan(150);
        for (Map.Entry<String, Properties> bundle : bundles.entrySet()) {
            Set<String> keys = bundle.getValue().stringPropertyNames();
            assertThat(new TreeSet<>(keys)).as("keys of " + bundle.getKey()).isEqualTo(new TreeSet<>(english));
            bundle.getValue().forEach((key, value) ->
                    assertThat(value.toString()).as(bundle.getKey() + ": " + key).isNotBlank());
        }
    }

    @Test
    void everyEnumConstantAndEveryFieldHasATextInEveryLanguage() throws IOException {
        Set<String> required = requiredKeys();
        assertThat(required).contains("status.INTERNED", "category.ARMED_FORCES", "eventType.TRANSFERRED",
                "field.surname", "section.HEALTH", "healthState.SERIOUSLY_WOUNDED", "factSource.CAPTURE_CARD");
        for (Map.Entry<String, Properties> bundle : bundles().entrySet()) {
            Set<String> missing = required.stream().filter(k -> bundle.getValue().getProperty(k) == null)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(missing).as("missing in " + BUNDLES.get(bundle.getKey())).isEmpty();
        }
    }

    @Test
    void translationsAreTranslations() throws IOException {
        Map<String, Properties> bundles = bundles();
        for (String language : List.of("uk", "ru")) {
            long cyrillic = bundles.get(language).values().stream()
                    .filter(v -> v.toString().codePoints().anyMatch(c ->
                            Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC)).count();
            assertThat(cyrillic).as(language + " texts written in Cyrillic")
                    .isGreaterThan(bundles.get(language).size() * 9L / 10);
        }
        assertThat(bundles.get("uk").getProperty("field.givenName")).isEqualTo("Імʼя");
        assertThat(bundles.get("ru").getProperty("field.givenName")).isEqualTo("Имя");
    }

    @Test
    void everyMessageIsAValidPatternWithTheSameArgumentsInEveryLanguage() throws IOException {
        Map<String, Properties> bundles = bundles();
        Properties english = bundles.get("en");
        for (Map.Entry<String, Properties> bundle : bundles.entrySet()) {
            Locale locale = Locale.forLanguageTag(bundle.getKey());
            bundle.getValue().forEach((k, v) -> {
                String key = k.toString();
                String value = v.toString();
                assertThat(value).as("%s %s: no ASCII apostrophe (MessageFormat would eat it); use ’ or ʼ",
                        bundle.getKey(), key).doesNotContain("'");
                assertThat(arguments(value)).as("%s %s: arguments", bundle.getKey(), key)
                        .isEqualTo(arguments(english.getProperty(key)));
                if (!arguments(value).isEmpty()) {
                    Object[] samples = new Object[((TreeSet<Integer>) arguments(value)).last() + 1];
                    java.util.Arrays.fill(samples, 1234L);
                    assertThat(new MessageFormat(value, locale).format(samples)).as("%s %s", bundle.getKey(), key)
                            .contains("1").doesNotContain("{");
                }
            });
        }
    }

    private static Set<Integer> arguments(String pattern) {
        Set<Integer> arguments = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            arguments.add(Integer.parseInt(m.group(1)));
        }
        return arguments;
    }

    @Test
    void everyKeyTheTemplatesAndTheWebCodeUseExists() throws IOException {
        Properties english = load("messages.properties");
        Set<String> used = new TreeSet<>();
        // the pages' code is in the package of each feature: all of it is read
        for (Path dir : List.of(Paths.get("src/main/resources/templates"), Paths.get("src/main/java"))) {
            assertThat(dir).isDirectory();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(file);
                    Matcher m = (file.toString().endsWith(".html") ? TEMPLATE_KEY : JAVA_KEY).matcher(text);
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(50);
        Set<String> missing = used.stream().filter(k -> english.getProperty(k) == null)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(missing).isEmpty();
    }
}
