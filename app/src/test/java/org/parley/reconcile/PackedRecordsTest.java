package org.parley.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.names.BirthDate;
import org.parley.names.PersonRecord;

class PackedRecordsTest {

    @Test
    void recordsComeBackAsTheyWereAdded() {
        List<PersonRecord> records = List.of(
                new PersonRecord("1", "Коваленко", "Олександр", "Сергійович", null, new BirthDate(1985, 3, 7),
                        "ЗС1234567", "в/ч 1234", "солдат"),
                new PersonRecord("2", null, null, null, "Oleksandr Kovalenko", new BirthDate(1985, 0, 0), null, null,
                        null),
                new PersonRecord("3", "Ї".repeat(70_000), "", null, null, new BirthDate(1990, 12, 0), null, null, null),
                new PersonRecord("4", "Петров-Водкін", "Кузьма", null, null, null, "AB 12-34", null, null));
        PackedRecords packed = new PackedRecords();
        for (int round = 0; round < 3; round++) {
            packed.addAll(records);
        }

        assertThat(packed).hasSize(12);
        for (int i = 0; i < packed.size(); i++) {
            assertThat(packed.get(i)).isEqualTo(records.get(i % records.size()));
        }
    }
}
