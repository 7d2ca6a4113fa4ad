package org.parley.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.names.PersonRecord;

/**
 * A file without quotes, read in pieces on all cores, gives what commons-csv's row-by-row reading gives: the same
 * records in the same order, the same bad rows with the same line numbers and reasons.
 */
class UnquotedRowsTest {

    @TempDir
    Path dir;

    /** About 600 KB: three pieces and more, with every kind of line end, empty lines and bad rows among them. */
    private static String list() {
        StringBuilder text = new StringBuilder("\r\n\nid,surname,given_name,patronymic,date_of_birth,service_number,note\n");
        String[] ends = {"\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\n\r\n"};
        for (int i = 0; i < 12_000; i++) {
            String row = switch (i % 97) {
                case 5 -> "R" + i + ",Шевчук,Іван,,1971-13-01,,";           // no such month
                case 17 -> "R" + i + ",,,,1971,,";                           // no name
                case 29 -> "R" + (i - 1) + ",Ткаченко,Ольга,Петрівна,,,";    // the previous row's id
                case 41 -> "R" + i + ",Бондар,Петро";                       // fields missing
                case 53 -> "R" + i + ",Мельник\u2028Андрій,Андрій,,,,";      // a line separator in a value
                case 67 -> "  ";                                             // one blank field
                case 79 -> "R" + i + ",Лисенко,Марія,,1990-02-03,АВ123, ok "; // kept, values stripped
                default -> "R" + i + ",Коваленко" + i % 13 + ",Олександр,Сергійович,1985-03-07,ЗС" + i + ",";
            };
            text.append(row).append(ends[i % ends.length]);
        }
        return text.append("R-last,Last,Person,,,,").toString(); // no line end at the end
    }

    @Test
    void readsAsTheRowByRowReaderDoes() throws IOException {
        String list = list();
        Path unquoted = Files.writeString(dir.resolve("unquoted.csv"), list);
        // One quoted value (the same value once read) makes commons-csv read the file row by row.
        Path quoted = Files.writeString(dir.resolve("quoted.csv"), list.replace("R-last,", "\"R-last\","));
        assertThat(UnquotedRows.applies(Files.readAllBytes(unquoted))).isTrue();
        assertThat(UnquotedRows.applies(Files.readAllBytes(quoted))).isFalse();

        List<PersonRecord> told = new ArrayList<>();
        PersonList fast = PersonListReader.read(unquoted, record -> record, told::add);
        PersonList rowByRow = PersonListReader.read(quoted);

        assertThat(rowByRow.records()).hasSizeGreaterThan(11_000);
        assertThat(fast.records()).containsExactlyElementsOf(rowByRow.records());
        assertThat(told).containsExactlyElementsOf(rowByRow.records());
        assertThat(fast.problems()).hasSizeGreaterThan(500).containsExactlyElementsOf(rowByRow.problems());
        assertThat(fast.unknownColumns()).containsExactly("note").isEqualTo(rowByRow.unknownColumns());
    }

    @Test
    void anEmptyFileOrOneWithoutIdIsRefusedAlike() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "\n\r\n");
        assertThatThrownBy(() -> PersonListReader.read(empty)).isInstanceOf(InputFileException.class)
                .hasMessageContaining("the file is empty");
        Path noId = Files.writeString(dir.resolve("no-id.csv"), "surname,given_name\nШевчук,Іван\n");
        assertThatThrownBy(() -> PersonListReader.read(noId)).isInstanceOf(InputFileException.class)
                .hasMessageContaining("no 'id' column in the header row (surname,given_name)");
    }
}
