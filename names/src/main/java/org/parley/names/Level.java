package org.parley.names;

/**
 * The comparison levels of every field with their Fellegi–Sunter weights. {@code m} is the probability of the
 * level among true matches, {@code u} among non-matching candidate pairs (pairs that share a blocking key, so
 * they already tend to agree on surname or birth year). The values are set by hand from the noise rates that
 * East Slavic lists show (see the benchmark's noise model) and checked on the generated benchmark; a level's
 * weight is ln(m/u). Within a field the weights fall from the strongest agreement to {@code DIFFERENT}, and a
 * missing value weighs 0, so more agreement never lowers a score.
 */
public enum Level {
    SURNAME_SAME(Field.SURNAME, "same", 0.895, 0.01),
    SURNAME_FEMALE_FORM(Field.SURNAME, "female form", 0.04, 0.002),
    SURNAME_CLOSE(Field.SURNAME, "close spelling", 0.06, 0.01),
    SURNAME_DIFFERENT(Field.SURNAME, "different", 0.005, 0.978),

    GIVEN_NAME_SAME(Field.GIVEN_NAME, "same", 0.798, 0.03),
    GIVEN_NAME_EQUIVALENT(Field.GIVEN_NAME, "Ukrainian/Russian equivalent", 0.12, 0.006),
    GIVEN_NAME_CLOSE(Field.GIVEN_NAME, "close spelling", 0.04, 0.01),
    GIVEN_NAME_INITIAL(Field.GIVEN_NAME, "initial only", 0.04, 0.02),
    GIVEN_NAME_DIFFERENT(Field.GIVEN_NAME, "different", 0.002, 0.934),

    PATRONYMIC_SAME(Field.PATRONYMIC, "same", 0.74, 0.02),
    PATRONYMIC_EQUIVALENT(Field.PATRONYMIC, "Ukrainian/Russian equivalent", 0.13, 0.005),
    PATRONYMIC_CLOSE(Field.PATRONYMIC, "close spelling", 0.04, 0.01),
    PATRONYMIC_INITIAL(Field.PATRONYMIC, "initial only", 0.05, 0.03),
    PATRONYMIC_DIFFERENT(Field.PATRONYMIC, "different", 0.04, 0.935),

    DATE_SAME(Field.DATE_OF_BIRTH, "same date", 0.86, 0.003),
    DATE_COMPATIBLE(Field.DATE_OF_BIRTH, "agrees as far as given", 0.05, 0.03),
    DATE_DAY_MONTH_SWAPPED(Field.DATE_OF_BIRTH, "day and month swapped", 0.03, 0.0002),
    DATE_ONE_DIGIT(Field.DATE_OF_BIRTH, "one digit differs", 0.04, 0.004),
    DATE_YEAR_OFF_BY_ONE(Field.DATE_OF_BIRTH, "year differs by one", 0.01, 0.003),
    DATE_DIFFERENT(Field.DATE_OF_BIRTH, "different", 0.01, 0.96),

    SERVICE_NUMBER_SAME(Field.SERVICE_NUMBER, "same", 0.90, 0.00001),
    SERVICE_NUMBER_ONE_DIGIT(Field.SERVICE_NUMBER, "one character differs", 0.06, 0.0002),
    SERVICE_NUMBER_DIFFERENT(Field.SERVICE_NUMBER, "different", 0.04, 0.99979),

    UNIT_SAME(Field.UNIT, "same", 0.70, 0.05),
    UNIT_DIFFERENT(Field.UNIT, "different", 0.30, 0.95),

    /** Not given on one side or both: no evidence either way. */
    MISSING(null, "missing", 1, 1);

    private final Field field;
    private final String text;
    private final double weight;

    Level(Field field, String text, double m, double u) {
        this.field = field;
        this.text = text;
        this.weight = Math.log(m / u);
    }

    /** The field this level belongs to; null for {@link #MISSING}, which any field can have. */
    public Field field() {
        return field;
    }

    /** What the level means, for explanations. */
    public String text() {
        return text;
    }

    /** The log-likelihood ratio ln(m/u) this level adds to a score. */
    public double weight() {
        return weight;
    }

    static Level ofDate(DateAgreement agreement) {
        return switch (agreement) {
            case SAME -> DATE_SAME;
            case COMPATIBLE -> DATE_COMPATIBLE;
            case DAY_MONTH_SWAPPED -> DATE_DAY_MONTH_SWAPPED;
            case ONE_DIGIT -> DATE_ONE_DIGIT;
            case YEAR_OFF_BY_ONE -> DATE_YEAR_OFF_BY_ONE;
            case DIFFERENT -> DATE_DIFFERENT;
            case MISSING -> MISSING;
        };
    }
}
