package org.parley.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.parley.ApiClient;

/**
 * A hand-built set of five persons captured on one day no other test uses, so that a list filtered to that day holds
 * them alone: three held by Party A with Party B as power of origin (a surname that looks like a formula, a given
 * name starting with "-", and one notified Ukrainian name with a partial date of birth), two held by Party B with
 * Party A as power of origin (one notified, one not).
 */
record ExportFixture(LocalDate captured, String formula, String shevchenko, String smith, String kovalenko,
        String petrenko) {

    /** {@code capturedFrom} and {@code capturedTo} of the fixture's day. */
    String filter() {
        return "capturedFrom=" + captured + "&capturedTo=" + captured;
    }

    static ExportFixture create(int port, LocalDate captured) {
        ApiClient a = new ApiClient(port).as("registrar@party-a");
        ApiClient b = new ApiClient(port).as("registrar@party-b");
        String day = captured.toString();
        String formula = create(a, """
                {"surname": "=HYPERLINK(\\"http://example.com\\")", "givenName": "-Олег", "dateOfBirth": "1990-05",
                 "holdingParty": "party-a", "powerOfOrigin": "party-b", "captureDate": "%s",
                 "capturePlace": "Hill 203", "healthNotes": "fever"}""".formatted(day));
        String shevchenko = create(a, """
                {"surname": "Шевченко", "givenName": "Тарас", "patronymic": "Григорович", "nameLanguage": "uk",
                 "fatherName": "Григорій", "sex": "MALE", "dateOfBirth": "1985", "placeOfBirth": "Моринці",
                 "rank": "сержант", "serviceNumber": "UA-1814", "holdingParty": "party-a", "powerOfOrigin": "party-b",
                 "captureDate": "%s", "capturePlace": "Hill 204", "capturingUnit": "3rd company",
                 "internmentPlace": "Camp 7", "prisonerNumber": "A-77", "healthState": "SICK",
                 "healthNotes": "pneumonia", "familyAddress": "Київ, вул. Хрещатик 1"}""".formatted(day));
        String smith = create(a, """
                {"surname": "Smith", "givenName": "@John", "dateOfBirth": "1970-01-02", "sex": "MALE",
                 "holdingParty": "party-a", "powerOfOrigin": "party-b", "captureDate": "%s"}""".formatted(day));
        String kovalenko = create(b, """
                {"surname": "Коваленко", "givenName": "Ірина", "nameLanguage": "uk", "sex": "FEMALE",
                 "holdingParty": "party-b", "powerOfOrigin": "party-a", "captureDate": "%s",
                 "capturePlace": "Bridge 5"}""".formatted(day));
        String petrenko = create(b, """
                {"surname": "Петренко", "givenName": "Іван", "holdingParty": "party-b", "powerOfOrigin": "party-a",
                 "captureDate": "%s"}""".formatted(day));
        notify(a, shevchenko, captured.plusDays(3));
        notify(b, kovalenko, captured.plusDays(3));
        return new ExportFixture(captured, formula, shevchenko, smith, kovalenko, petrenko);
    }

    private static String create(ApiClient client, String json) {
        ApiClient.Response created = client.post("/api/v1/persons", json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").stringValue();
    }

    private static void notify(ApiClient client, String id, LocalDate date) {
        ApiClient.Response notified = client.post("/api/v1/persons/notifications",
                "{\"personIds\": [\"" + id + "\"], \"date\": \"" + date + "\"}");
        assertThat(notified.status()).as(notified.body()).isEqualTo(201);
    }
}
