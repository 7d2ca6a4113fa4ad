package org.parley.names;

/** The facts of a person that the scorer compares. */
public enum Field {
    SURNAME("surname"), GIVEN_NAME("given name"), PATRONYMIC("patronymic"), DATE_OF_BIRTH("date of birth"),
    SERVICE_NUMBER("service number"), UNIT("unit");

    private final String label;

    Field(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
