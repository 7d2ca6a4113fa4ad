package org.parley.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EntryIndexTest {

    @Test
    void numberIdsAreOnlyThoseLongWritesAndTextIdsKeepTheirOwnKey() {
        assertThat(EntryIndex.numeric("0")).isZero();
        assertThat(EntryIndex.numeric("42")).isEqualTo(42);
        assertThat(EntryIndex.numeric("123456789012345678")).isEqualTo(123456789012345678L);
        for (String text : new String[] {"", "007", "-1", "4 2", "١٢", "admin@party-a", "1234567890123456789"}) {
            assertThat(EntryIndex.numeric(text)).as(text).isEqualTo(EntryIndex.NONE);
        }
        EntryIndex index = new EntryIndex(4);
        int person = index.register("person");
        index.put(person, "7", 1, 10);
        index.put(person, "007", 1, 11);
        assertThat(index.get(person, "7", 1)).isEqualTo(10);
        assertThat(index.get(person, 7L, 1)).isEqualTo(10);
        assertThat(index.get(person, "007", 1)).isEqualTo(11);
        assertThat(index.get(person, "7", 2)).isEqualTo(EntryIndex.NONE);
    }

    @Test
    void holdsWhatWasPutAcrossTypesAndGrowthTheLatestSeqWinning() {
        EntryIndex index = new EntryIndex(16);
        int person = index.register("person");
        int statement = index.register("statement");
        int user = index.register("user");
        assertThat(index.register("person")).isEqualTo(person);
        Map<String, Long> expected = new HashMap<>();
        Random random = new Random(2026);
        for (long seq = 0; seq < 50_000; seq++) {
            int type = random.nextInt(3);
            String id = type == user ? "user-" + random.nextInt(500) : Integer.toString(random.nextInt(20_000));
            int version = type == user ? 0 : 1 + random.nextInt(3);
            index.put(type, id, version, seq);
            expected.put(type + " " + id + " " + version, seq);
        }
        List<String> visited = new ArrayList<>();
        index.forEach((type, numericId, id, version, seq) -> {
            String key = type + " " + (id == null ? Long.toString(numericId) : id) + " " + version;
            assertThat(seq).as(key).isEqualTo(expected.get(key));
            visited.add(key);
        });
        assertThat(visited).hasSize(expected.size()).doesNotHaveDuplicates();
        expected.forEach((key, seq) -> {
            String[] parts = key.split(" ");
            assertThat(index.get(Integer.parseInt(parts[0]), parts[1], Integer.parseInt(parts[2]))).isEqualTo(seq);
        });
        assertThat(index.get(statement, 20_001L, 1)).isEqualTo(EntryIndex.NONE);
        assertThat(index.record(person, 42, null)).isEqualTo("person 42");
        assertThat(index.record(user, EntryIndex.NONE, "user-1")).isEqualTo("user user-1");
    }
}
