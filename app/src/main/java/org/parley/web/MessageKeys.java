package org.parley.web;

import java.util.List;
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
 * Message keys of the values the UI translates: an enum constant is {@code enumName.CONSTANT} (the enum's simple
 * name with a lower-case first letter, e.g. {@code status.INTERNED}, {@code eventType.TRANSFERRED}), a fact is
 * {@code field.jsonName} (e.g. {@code field.surname}), a section of the record {@code section.IDENTITY}.
 */
public final class MessageKeys {

    /** Every enum whose constants the UI shows; each constant has a key in every message bundle. */
    public static final List<Class<? extends Enum<?>>> TRANSLATED_ENUMS = List.of(Status.class, Category.class,
            Branch.class, RankGroup.class, EventType.class, HealthState.class, Sex.class, FactSource.class,
            Confidence.class, OrganisationKind.class, Script.class, PersonField.Section.class, Role.class, Wish.class,
            StatementMethod.class, WishStatus.class);

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

    /** The label of a fact, e.g. {@code field.dateOfBirth}. */
    public static String of(PersonField field) {
        return "field." + field.jsonName();
    }

    /** The prefix of an enum's keys: {@code Section} → {@code section}, {@code RankGroup} → {@code rankGroup}. */
    public static String prefix(Class<?> type) {
        String name = type.getSimpleName();
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
