package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.audit.AuditLog;
import org.parley.audit.AuditTree;
import org.parley.audit.SigningKey;
import org.parley.exchange.AgreementFixture;
import org.parley.exchange.ApprovalSignature;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ObjectNode;

/** {@code audit verify-document} on a file, offline: no database is started without --data-dir. */
class VerifyDocumentCommandTest extends CommandLineTest {

    @TempDir
    Path directory;

    private final AgreementFixture agreement = new AgreementFixture();

    private Path write(String name, String text) throws Exception {
        Path file = directory.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aValidAgreementExitsWithZeroAndASummary() throws Exception {
        Path file = write("agreement.json", agreement.json());

        assertThat(run("audit", "verify-document", file.toString())).as(err.toString()).isZero();
        assertThat(out.toString().strip()).startsWith("Agreement verified: round " + AgreementFixture.ROUND)
                .contains("exchange list version 3 (SHA-256 " + agreement.versionHash + ")")
                .contains("the checkpoint of 10 entries").doesNotContain("\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void theKeyMayBeGivenAsAPemFileOrAsBase64() throws Exception {
        Path file = write("agreement.json", agreement.json());
        Path pem = write("instance.pem", SigningKey.publicKeyPem(agreement.key.publicKey()));
        String spki = Base64.getEncoder().encodeToString(agreement.key.publicKey().getEncoded());
        Path base64File = write("instance.spki", spki + "\n");

        for (String key : new String[] {pem.toString(), spki, base64File.toString()}) {
            assertThat(run("audit", "verify-document", file.toString(), "--public-key", key)).as(err.toString())
                    .isZero();
            assertThat(out.toString()).contains("every signature holds with the public key given");
        }
    }

    @Test
    void aTamperedAgreementExitsWithOneNamingEachProblem() throws Exception {
        ((ObjectNode) agreement.list().get("releases").get("party-a").get(0))
                .put("name", "Коваленко Олексій Сергійович");
        agreement.approval(1).put("organisation", "party-a");
        Path file = write("agreement.json", agreement.json());

        assertThat(run("audit", "verify-document", file.toString())).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("parley: the agreement does not hold (4 problems):\n")
                .contains("- the exchange list is not the one signed: its hash is ")
                .contains("- the signature of the approval by negotiator@party-b of party-a does not hold")
                .contains("negotiator@party-b approved for party-a, which is not their organisation")
                .contains("- there is no PARTY approval of party-b");
    }

    @Test
    void anotherKeyGivenExitsWithOne() throws Exception {
        Path file = write("agreement.json", agreement.json());
        Path pem = write("other.pem", SigningKey.publicKeyPem(SigningKey.generate().publicKey()));

        assertThat(run("audit", "verify-document", file.toString(), "--public-key", pem.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("- the document's public key is not the key given")
                .contains("- the checkpoint's signature does not hold with the public key given");
    }

    @Test
    void unreadableInputExitsWithTwo() throws Exception {
        Path notJson = write("agreement.json", "<html>Agreement</html>");
        assertThat(run("audit", "verify-document", notJson.toString())).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("parley: " + notJson + " is not an agreement document: not JSON")
                .doesNotContain("\n");

        err.getBuffer().setLength(0);
        assertThat(run("audit", "verify-document", directory.resolve("none.json").toString())).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("parley: cannot read the agreement "
                + directory.resolve("none.json") + ": no such file");

        err.getBuffer().setLength(0);
        Path file = write("good.json", agreement.json());
        assertThat(run("audit", "verify-document", file.toString(), "--public-key", "not-a-key")).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("parley: cannot read the public key not-a-key: ");

        err.getBuffer().setLength(0);
        Path noDatabase = directory.resolve("no-database");
        assertThat(run("audit", "verify-document", file.toString(), "--data-dir", noDatabase.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("holds no Parley database");

        err.getBuffer().setLength(0);
        assertThat(run("audit", "verify-document")).isEqualTo(2);
        assertThat(err.toString()).contains("FILE");
    }

    /**
     * With --data-dir the approvals are looked up in the instance's audit log: here appended as the exchange service
     * appends them (record type exchange-approval, the payload and signature as state), then a checkpoint signed by
     * the instance, as the document carries it.
     */
    @Test
    void withADataDirTheApprovalsAreLookedUpInTheAuditLog(@TempDir Path dataDir) throws Exception {
        AgreementFixture[] built = new AgreementFixture[1];
        int setUp = OfflineContext.run(ParleyCommand.commandLine(), dataDir, context -> {
            AgreementFixture signed = new AgreementFixture(context.getBean(SigningKey.class));
            AuditLog log = context.getBean(AuditLog.class);
            context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
                for (int i = 0; i < 3; i++) {
                    ObjectNode approval = signed.approval(i);
                    String state = AgreementFixture.approvalOf(approval)
                            .auditState(approval.get("signature").stringValue());
                    long seq = log.append(null, new AuditLog.Change("APPROVE_EXCHANGE_LIST",
                            ApprovalSignature.RECORD_TYPE, Integer.toString(40 + i), null, state)).seq();
                    approval.put("auditSeq", seq);
                }
            });
            AuditTree tree = context.getBean(AuditTree.class);
            signed.document.put("checkpoint", tree.sign().note(tree.publicKey()));
            built[0] = signed;
            return 0;
        });
        assertThat(setUp).isZero();
        AgreementFixture signed = built[0];
        Path file = write("agreement.json", signed.json());

        assertThat(run("audit", "verify-document", file.toString(), "--data-dir", dataDir.toString()))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("each approval is its entry of the audit log, in the tree the checkpoint "
                + "signed, whose root is the log's");

        // Party B's approval pointed at Party A's entry: offline nothing shows, against the log it does.
        long partyAEntry = signed.approval(0).get("auditSeq").longValue();
        signed.approval(1).put("auditSeq", partyAEntry);
        Path swapped = write("swapped.json", signed.json());
        assertThat(run("audit", "verify-document", swapped.toString())).as(err.toString()).isZero();
        assertThat(run("audit", "verify-document", swapped.toString(), "--data-dir", dataDir.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).startsWith("parley: the agreement does not hold (1 problem):\n- the audit log's "
                + "entry " + partyAEntry + " does not hold the approval by negotiator@party-b of party-b as the "
                + "document shows it");
    }
}
