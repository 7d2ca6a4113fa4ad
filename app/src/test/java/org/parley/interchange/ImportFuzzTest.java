package org.parley.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.parley.registry.PersonField;

/**
 * Fuzz targets for the import's readers of outside files (README "Import"): any bytes as a CSV or XLSX file, any
 * text in any column. A file is read or refused with an {@link ImportFileException} saying why; a cell is a value or
 * a problem to name on its row — nothing else may be thrown. The regression inputs are under
 * {@code src/test/resources/org/parley/interchange/ImportFuzzTestInputs/}; a long run is in bench/README.md.
 */
class ImportFuzzTest {

    @FuzzTest
    void anyFileIsReadOrRefusedWithAReason(byte[] bytes) throws Exception {
        Path file = Files.createTempFile("parley-fuzz", ".csv");
        try {
            Files.write(file, bytes);
            ImportFile in = ImportFile.open(file, null);
            in.readPersons((line, cells) -> true);
            if (in.hasEventSheet()) {
                in.readEventSheet((line, cells) -> true);
            }
        } catch (ImportFileException e) {
            assertThat(e.getMessage()).isNotBlank();
        } finally {
            Files.delete(file);
        }
    }

    @FuzzTest
    void anyCellIsAValueOrANamedProblem(FuzzedDataProvider data) {
        PersonField field = data.pickValue(PersonField.values());
        ImportCells.Cell cell = ImportCells.person(field, data.consumeRemainingAsString());
        assertThat(cell).isNotNull();
    }
}
