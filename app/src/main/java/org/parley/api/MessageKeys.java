package org.parley.api;

/**
 * Message keys of the enum constants the UI translates: {@code enumName.CONSTANT}, the enum's simple name with a
 * lower-case first letter (e.g. {@code status.INTERNED}, {@code eventType.TRANSFERRED}, {@code section.IDENTITY}).
 * Here, not in the web package, so that every feature's pages can use them.
 */
public final class MessageKeys {

    private MessageKeys() {
    }

    /** The key of an enum constant, e.g. {@code rankGroup.NCO}; null for null. */
    public static String of(Enum<?> value) {
        return value == null ? null : prefix(value.getDeclaringClass()) + "." + value.name();
    }

    /** The key of a constant named {@code name} of {@code type} (a value read back from JSON, say). */
    public static String of(Class<? extends Enum<?>> type, String name) {
        return prefix(type) + "." + name;
    }

    /** The prefix of an enum's keys: {@code Section} → {@code section}, {@code RankGroup} → {@code rankGroup}. */
    public static String prefix(Class<?> type) {
        String name = type.getSimpleName();
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
