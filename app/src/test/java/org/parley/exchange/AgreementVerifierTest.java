package org.parley.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.audit.AuditEntry;
import org.parley.audit.Checkpoint;
import org.parley.audit.SigningKey;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The offline verifier of agreement documents against each way of tampering issue 12 names, and more. */
class AgreementVerifierTest {

    private final AgreementFixture agreement = new AgreementFixture();

    private AgreementVerifier.Result offline() {
        return AgreementVerifier.verify(agreement.json());
    }

    private AgreementVerifier.Result withLog() {
        return AgreementVerifier.verify(agreement.json(), null, agreement.log);
    }

    private static String notSigned(String listHash, String signed) {
        return "the exchange list is not the one signed: its hash is " + listHash + ", the approvals signed " + signed
                + " (a person added, removed, or a name or fact changed)";
    }

    private String currentListHash() {
        return ApprovalSignature.versionHash(agreement.list());
    }

    private ArrayNode releases(String side) {
        return (ArrayNode) agreement.list().get("releases").get(side);
    }

    @Test
    void aValidAgreementHoldsOfflineWithTheKeyGivenAndAgainstTheLog() {
        AgreementVerifier.Result result = offline();
        assertThat(result.problems()).isEmpty();
        assertThat(result.ok()).isTrue();
        assertThat(result.summary()).startsWith("Agreement verified: round " + AgreementFixture.ROUND
                        + " \"Обмін полоненими: перший етап\" between party-a (Party A) and party-b (Party B), through "
                        + "intermediary")
                .contains("exchange list version 3 (SHA-256 " + agreement.versionHash + ")")
                .contains("releasing 2 persons held by party-a and 2 persons held by party-b")
                .contains("negotiator@party-a of party-a (PARTY, 2026-11-27T09:00:00.000123Z, audit entry 3)")
                .contains("negotiator@party-b of party-b (PARTY, 2026-11-27T09:30:12.500Z, audit entry 5)")
                .contains("interviewer@intermediary of intermediary (WITNESS")
                .contains("the checkpoint of 10 entries signed at 2026-11-27T10:16:00.500Z holds")
                .contains("the audit log itself was not consulted");

        assertThat(AgreementVerifier.verify(agreement.json(), agreement.key.publicKey(), null).problems()).isEmpty();
        AgreementVerifier.Result logged = withLog();
        assertThat(logged.problems()).isEmpty();
        assertThat(logged.summary()).contains("each approval is its entry of the audit log");
    }

    @Test
    void aPersonAddedToASideIsNamed() {
        String signed = agreement.versionHash;
        AgreementFixture.item(releases("party-a"), "7e6d5c4b-3a29-4817-a6b5-c4d3e2f1a0b9", "B-2024-0999", "OFFER",
                null, "added later", true, "Бондаренко Андрій Миколайович", "Bondarenko Andrii Mykolaiovych",
                "1995-02-03", null, null, null);

        assertThat(offline().problems()).containsExactly(notSigned(currentListHash(), signed),
                "a person was added to party-a's releases: they hold 3, the list's counts say 2 (or the counts were "
                        + "changed)");
    }

    @Test
    void aPersonAddedWithTheCountsMadeToMatchIsStillNoticed() {
        String signed = agreement.versionHash;
        AgreementFixture.item(releases("party-b"), null, "A-99/2025", "OFFER", null, "added later", true,
                "Попов Иван Иванович", "Popov Ivan Ivanovich", null, null, null, null);
        ((ObjectNode) agreement.list().get("counts").get("party-b")).put("released", 3).put("countedInBalance", 2);

        assertThat(offline().problems()).containsExactly(notSigned(currentListHash(), signed));
    }

    @Test
    void aPersonRemovedFromASideIsNamed() {
        String signed = agreement.versionHash;
        releases("party-b").remove(0);

        assertThat(offline().problems()).containsExactly(notSigned(currentListHash(), signed),
                "a person was removed from party-b's releases: they hold 1, the list's counts say 2 (or the counts "
                        + "were changed)");
    }

    @Test
    void aNameChangedIsNoticedThoughNotWhichOne() {
        String signed = agreement.versionHash;
        // One Cyrillic letter: е for ё, as lists often lose it.
        ((ObjectNode) releases("party-b").get(1)).put("name", "Кузнецова Мария Елкина");

        assertThat(offline().problems()).containsExactly(notSigned(currentListHash(), signed));
    }

    @Test
    void aDateOfBirthChangedIsNoticed() {
        String signed = agreement.versionHash;
        ((ObjectNode) releases("party-a").get(0)).put("dateOfBirth", "1991-04-21");

        assertThat(offline().problems()).containsExactly(notSigned(currentListHash(), signed));
        assertThat(withLog().problems()).containsExactly(notSigned(currentListHash(), signed));
    }

    @Test
    void aSignatureReplacedByAnotherValidLookingOneIsNamed() {
        ObjectNode approval = agreement.approval(1);
        // A real signature of the same key, over another approval: it looks right, and is 64 bytes of Base64.
        ObjectNode other = approval.deepCopy().put("approvedAt", "2026-11-27T09:30:13Z");
        approval.put("signature", ApprovalSignature.sign(AgreementFixture.approvalOf(other), agreement.key));

        String problem = "the signature of the approval by negotiator@party-b of party-b does not hold with the "
                + "document's public key (signature replaced or altered, or the approval changed after it was signed)";
        assertThat(offline().problems()).containsExactly(problem);
        assertThat(withLog().problems()).hasSize(2).contains(problem)
                .anySatisfy(p -> assertThat(p).startsWith("the audit log's entry 5 does not hold the approval by "
                        + "negotiator@party-b of party-b as the document shows it: its state hash is "));

        byte[] bytes = Base64.getDecoder().decode(approval.get("signature").stringValue());
        bytes[10] ^= 0x40;
        approval.put("signature", Base64.getEncoder().encodeToString(bytes));
        assertThat(offline().problems()).containsExactly(problem);
    }

    @Test
    void aPartyApprovingForTheOtherIsNamed() {
        // Party B's negotiator's approval made out to be Party A's: Party B has then approved nothing.
        agreement.approval(1).put("organisation", "party-a");

        assertThat(offline().problems()).containsExactlyInAnyOrder(
                "The approval by negotiator@party-b of party-a: negotiator@party-b approved for party-a, which is not "
                        + "their organisation (a user name@CODE belongs to CODE): an organisation approving for "
                        + "another",
                "the signature of the approval by negotiator@party-b of party-a does not hold with the document's "
                        + "public key (signature replaced or altered, or the approval changed after it was signed)",
                "there is no PARTY approval of party-b: party-b has not approved this exchange list");
    }

    @Test
    void aPartyApprovingForTheOtherIsNamedEvenWhenTheInstanceSignedIt() {
        // Were the service to let it through, the instance's own signature would not make it right.
        ObjectNode approval = agreement.approval(1).put("organisation", "party-a");
        AgreementFixture.resign(approval, agreement.key);

        assertThat(offline().problems()).containsExactlyInAnyOrder(
                "The approval by negotiator@party-b of party-a: negotiator@party-b approved for party-a, which is not "
                        + "their organisation (a user name@CODE belongs to CODE): an organisation approving for "
                        + "another",
                "there is no PARTY approval of party-b: party-b has not approved this exchange list");
    }

    @Test
    void aWitnessThatIsNoIntermediaryAndAnOrganisationOutsideTheRoundAreNamed() {
        ObjectNode witness = agreement.approval(2).put("organisation", "party-b").put("approvedBy", "auditor@party-b");
        AgreementFixture.resign(witness, agreement.key);
        ObjectNode stranger = agreement.approval(0).deepCopy().put("organisation", "party-c")
                .put("approvedBy", "negotiator@party-c");
        AgreementFixture.resign(stranger, agreement.key);
        ((ArrayNode) agreement.document.get("approvals")).add(stranger);

        assertThat(offline().problems()).containsExactlyInAnyOrder(
                "The approval by auditor@party-b of party-b is a WITNESS approval, but party-b is not the round's "
                        + "intermediary (intermediary)",
                "The approval by negotiator@party-c of party-c is a PARTY approval, but party-c is not a party of the "
                        + "round (party-a, party-b)");
    }

    @Test
    void aMissingPartyApprovalIsNamed() {
        ((ArrayNode) agreement.document.get("approvals")).remove(0);

        assertThat(offline().problems()).containsExactly(
                "there is no PARTY approval of party-a: party-a has not approved this exchange list");
    }

    @Test
    void aReplacedPublicKeyIsFoundWhenTheRightKeyIsGiven() {
        // Everything re-signed with a key of the forger's: the document holds together on its own.
        SigningKey forger = SigningKey.generate();
        for (int i = 0; i < 3; i++) {
            AgreementFixture.resign(agreement.approval(i), forger);
        }
        agreement.document.put("publicKey", SigningKey.publicKeyPem(forger.publicKey()));
        agreement.document.put("checkpoint", agreement.log.checkpoint(10, forger).note(forger.publicKey()));
        assertThat(offline().problems()).isEmpty();

        List<String> problems = AgreementVerifier.verify(agreement.json(), agreement.key.publicKey(), null).problems();
        assertThat(problems).first().isEqualTo("the document's public key is not the key given");
        assertThat(problems).contains(
                "the signature of the approval by negotiator@party-a of party-a does not hold with the public key "
                        + "given (signature replaced or altered, or the approval changed after it was signed)",
                "the signature of the approval by negotiator@party-b of party-b does not hold with the public key "
                        + "given (signature replaced or altered, or the approval changed after it was signed)",
                "the signature of the approval by interviewer@intermediary of intermediary does not hold with the "
                        + "public key given (signature replaced or altered, or the approval changed after it was "
                        + "signed)",
                "the checkpoint's signature does not hold with the public key given (checkpoint altered or signed "
                        + "with another key)")
                .hasSize(5);
    }

    @Test
    void theVersionHashReplacedByTheTamperedListsHashBreaksEverySignature() {
        ((ObjectNode) releases("party-a").get(1)).put("name", "Ткаченко Ірина Петрівна");
        String tampered = currentListHash();
        agreement.document.put("versionHash", tampered);
        for (int i = 0; i < 3; i++) {
            agreement.approval(i).put("versionHash", tampered);
        }

        assertThat(offline().problems()).containsExactly(
                "the signature of the approval by negotiator@party-a of party-a does not hold with the document's "
                        + "public key (signature replaced or altered, or the approval changed after it was signed)",
                "the signature of the approval by negotiator@party-b of party-b does not hold with the document's "
                        + "public key (signature replaced or altered, or the approval changed after it was signed)",
                "the signature of the approval by interviewer@intermediary of intermediary does not hold with the "
                        + "document's public key (signature replaced or altered, or the approval changed after it was "
                        + "signed)");
        assertThat(withLog().problems()).hasSize(6).filteredOn(p -> p.startsWith("the audit log's entry ")).hasSize(3);
    }

    @Test
    void theDocumentsVersionHashAloneReplacedIsNamed() {
        ((ObjectNode) releases("party-a").get(1)).put("name", "Ткаченко Ірина Петрівна");
        String tampered = currentListHash();
        agreement.document.put("versionHash", tampered);

        assertThat(offline().problems()).contains(notSigned(tampered, agreement.versionHash),
                "The approval by negotiator@party-a of party-a signed the exchange list hash " + agreement.versionHash
                        + ", not the document's versionHash " + tampered).hasSize(4);
    }

    @Test
    void anAlteredCheckpointIsNamed() {
        String note = agreement.document.get("checkpoint").stringValue();

        agreement.document.put("checkpoint", note.replaceFirst("\n10\n", "\n11\n"));
        assertThat(offline().problems()).containsExactly("the checkpoint's signature does not hold with the "
                + "document's public key (checkpoint altered or signed with another key)");

        Checkpoint real = Checkpoint.parse(note);
        byte[] root = real.rootHash().clone();
        root[0] ^= 1;
        agreement.document.put("checkpoint", new Checkpoint(real.treeSize(), root, real.signedAt(), real.signature())
                .note(agreement.key.publicKey()));
        assertThat(offline().problems()).containsExactly("the checkpoint's signature does not hold with the "
                + "document's public key (checkpoint altered or signed with another key)");

        agreement.document.put("checkpoint", note.replace("parley-audit\n", "parley-audits\n"));
        assertThat(offline().problems()).singleElement().asString().startsWith("the checkpoint cannot be read: not a "
                + "Parley checkpoint");
    }

    @Test
    void aCheckpointThatDoesNotCoverEveryApprovalIsNamed() {
        agreement.document.put("checkpoint", agreement.log.checkpoint(6, agreement.key).note(agreement.key.publicKey()));

        assertThat(offline().problems()).containsExactly("the checkpoint (tree size 6) does not cover the audit entry "
                + "of the approval by interviewer@intermediary of intermediary (seq 8)");
    }

    @Test
    void againstTheLogACheckpointOfAnotherTreeIsNamed() {
        byte[] otherRoot = HexFormat.of().parseHex("00".repeat(32));
        agreement.document.put("checkpoint", AgreementFixture.checkpointNote(10, otherRoot,
                Instant.parse("2026-11-27T10:16:00Z"), agreement.key));
        assertThat(offline().problems()).isEmpty();
        assertThat(withLog().problems()).containsExactly("the checkpoint's root hash is not the audit log's root at "
                + "tree size 10: the checkpoint is not of this log, or the log was changed");

        agreement.document.put("checkpoint", AgreementFixture.checkpointNote(12, otherRoot,
                Instant.parse("2026-11-27T10:16:00Z"), agreement.key));
        assertThat(withLog().problems()).containsExactly("the audit log holds fewer than the checkpoint's 12 entries: "
                + "the checkpoint is not of this log");
    }

    @Test
    void againstTheLogAnApprovalThatIsNotItsEntryIsNamed() {
        agreement.approval(0).put("auditSeq", 4);
        assertThat(offline().problems()).isEmpty();
        assertThat(withLog().problems()).containsExactly("the audit log's entry 4 is of record type person, not "
                + "exchange-approval: it is not the approval by negotiator@party-a of party-a");
    }

    @Test
    void againstTheLogAnEntryAlteredAfterItWasAppendedIsNamed() {
        AuditEntry stored = agreement.log.get(5);
        // The entry's state hash made to match a forged approval; the tree still holds the leaf it had.
        ObjectNode approval = agreement.approval(1).put("approvedAt", "2026-11-28T08:00:00Z");
        AgreementFixture.resign(approval, agreement.key);
        byte[] forgedState = org.parley.audit.AuditLog.stateHash(AgreementFixture.approvalOf(approval)
                .auditState(approval.get("signature").stringValue()));
        agreement.log.replace(5, new AuditEntry(stored.seq(), stored.at(), stored.actor(), stored.organisation(),
                stored.action(), stored.recordType(), stored.recordId(), stored.recordVersion(), forgedState));

        assertThat(offline().problems()).isEmpty();
        assertThat(withLog().problems()).containsExactly("the audit log's entry 5 (the approval by negotiator@party-b "
                + "of party-b) is not the one the checkpoint's tree holds: the entry was changed after it was "
                + "appended");
    }

    @Test
    void whatIsNoAgreementIsSaidSo() {
        assertThatThrownBy(() -> AgreementVerifier.verify("{\"document\": "))
                .isInstanceOf(AgreementVerifier.UnreadableDocumentException.class).hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> AgreementVerifier.verify("[1, 2]"))
                .isInstanceOf(AgreementVerifier.UnreadableDocumentException.class).hasMessage("not a JSON object");
        assertThatThrownBy(() -> AgreementVerifier.verify("{\"a\": 1} {\"b\": 2}"))
                .isInstanceOf(AgreementVerifier.UnreadableDocumentException.class);
        assertThatThrownBy(() -> AgreementVerifier.verify(agreement.json().replaceFirst("\\{",
                        "{\"versionHash\":\"" + "0".repeat(64) + "\",")))
                .isInstanceOf(AgreementVerifier.UnreadableDocumentException.class)
                .hasMessageContaining("versionHash");

        assertThat(AgreementVerifier.verify("{\"document\":\"parley-audit\"}").problems()).containsExactly(
                "this is not a parley-exchange-agreement document (its \"document\" member is \"parley-audit\")");
        agreement.document.put("formatVersion", 2);
        assertThat(offline().problems()).containsExactly("the document is of format version 2; this verifier reads "
                + "format version 1 only");
    }

    @Test
    void missingMembersAreNamedNotThrown() {
        agreement.approval(0).remove("signature");
        agreement.approval(1).remove("auditSeq");
        agreement.approval(2).put("version", "3");
        agreement.list().put("counts", new java.math.BigDecimal("1e400")); // beyond doubles: JCS cannot write it
        agreement.document.remove("publicKey");

        assertThat(offline().problems()).contains(
                "the document has no publicKey",
                "The approval by negotiator@party-a of party-a lacks signature (missing, or not of the right type)",
                "The approval by negotiator@party-b of party-b lacks auditSeq (missing, or not of the right type)",
                "The approval by interviewer@intermediary of intermediary lacks version (missing, or not of the right "
                        + "type)")
                .anySatisfy(p -> assertThat(p).startsWith("the exchange list cannot be written in canonical form"));
    }
}
