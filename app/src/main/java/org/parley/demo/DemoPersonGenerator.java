package org.parley.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.parley.registry.Category;
import org.parley.registry.EventInput;
import org.parley.registry.EventType;
import org.parley.registry.NewPerson;
import org.parley.registry.PersonField;
import org.parley.registry.PersonInput;
import org.parley.registry.Sex;

/**
 * Invents detained persons for the demo world, the same ones for the same seed: Ukrainian names held by Party B
 * and Russian names held by Party A, each captured and then interned.
 */
class DemoPersonGenerator {

    private static final String[][] UKRAINIAN = {
            {"Коваленко", "Шевченко", "Бондаренко", "Ткаченко", "Кравченко", "Мельник", "Шевчук", "Поліщук"},
            {"Олександр", "Сергій", "Андрій", "Юрій", "Дмитро", "Іван", "Василь", "Олексій"},
            {"Олександрович", "Сергійович", "Андрійович", "Юрійович", "Іванович", "Васильович"}};
    private static final String[][] RUSSIAN = {
            {"Иванов", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Козлов", "Новиков"},
            {"Александр", "Сергей", "Андрей", "Юрий", "Дмитрий", "Иван", "Николай", "Алексей"},
            {"Александрович", "Сергеевич", "Андреевич", "Юрьевич", "Иванович", "Николаевич"}};

    private final Random random;

    DemoPersonGenerator(long seed) {
        this.random = new Random(seed);
    }

    List<NewPerson> generate(int count, LocalDate today) {
        List<NewPerson> persons = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean ukrainian = i % 2 == 0;
            String[][] names = ukrainian ? UKRAINIAN : RUSSIAN;
            Map<PersonField, Object> facts = new EnumMap<>(PersonField.class);
            facts.put(PersonField.HOLDING_PARTY, ukrainian ? "party-b" : "party-a");
            facts.put(PersonField.POWER_OF_ORIGIN, ukrainian ? "party-a" : "party-b");
            facts.put(PersonField.SURNAME, pick(names[0]));
            facts.put(PersonField.GIVEN_NAME, pick(names[1]));
            facts.put(PersonField.PATRONYMIC, pick(names[2]));
            facts.put(PersonField.NAME_LANGUAGE, ukrainian ? "uk" : "ru");
            facts.put(PersonField.SEX, Sex.MALE);
            facts.put(PersonField.CATEGORY, Category.ARMED_FORCES);
            facts.put(PersonField.SERVICE_NUMBER, String.format("%s%07d", ukrainian ? "UA" : "RU", random.nextInt(10_000_000)));
            LocalDate captured = today.minusDays(30 + random.nextInt(900));
            List<EventInput> events = List.of(
                    new EventInput(EventType.CAPTURED, captured, "front line", null, null),
                    new EventInput(EventType.INTERNED, captured.plusDays(3 + random.nextInt(20)), "camp", null, null));
            persons.add(new NewPerson(new PersonInput(facts, Map.of()), events));
        }
        return persons;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
