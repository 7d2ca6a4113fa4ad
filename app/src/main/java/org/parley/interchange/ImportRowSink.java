package org.parley.interchange;

import java.util.List;

/** Receives the rows of a sheet as they are read, with the line (row) number a person sees in an editor or Excel. */
@FunctionalInterface
public interface ImportRowSink {

    /** One row's cells as text (an absent cell is ""); answers false to stop reading. */
    boolean row(long line, List<String> cells);
}
