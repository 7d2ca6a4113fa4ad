package org.parley.wishes;

import java.time.LocalDate;

/** How many persons the intermediary interviewed in private in the week starting (Monday) on {@code week}. */
public record WeekCount(LocalDate week, long persons) {
}
