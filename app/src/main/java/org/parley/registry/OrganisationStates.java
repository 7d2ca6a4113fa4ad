package org.parley.registry;

import java.util.List;
import org.parley.api.AuditedRecords;
import org.parley.api.CanonicalJson;
import org.parley.audit.AuditLog;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Organisations as the audit log sees them: the entry of an organisation's creation holds the canonical JSON of
 * its code, name, kind and language. Organisations keep no history of states; the verifier checks each as stored
 * now against the state of its latest entry, so that one added, renamed or removed in the database shows up. A
 * public key registered for its notification bundles is part of the state from the entry that set it on.
 */
@Component
class OrganisationStates implements AuditedRecords {

    static final String RECORD_TYPE = "organisation";

    private final OrganisationRepository organisations;
    private final OrganisationKeyRepository keys;

    OrganisationStates(OrganisationRepository organisations, OrganisationKeyRepository keys) {
        this.organisations = organisations;
        this.keys = keys;
    }

    static String state(Organisation organisation) {
        return state(organisation, null);
    }

    /** With its public key (Base64 of the SubjectPublicKeyInfo) once one is registered; without, as before keys. */
    static String state(Organisation organisation, byte[] publicKey) {
        var node = JsonNodeFactory.instance.objectNode().put("code", organisation.code())
                .put("name", organisation.name()).put("kind", organisation.kind().name())
                .put("language", organisation.language());
        if (publicKey != null) {
            node.put("publicKey", java.util.Base64.getEncoder().encodeToString(publicKey));
        }
        return CanonicalJson.write(node);
    }

    @Override
    public String recordType() {
        return RECORD_TYPE;
    }

    @Override
    public List<StateScan> stateScans() {
        return List.of(StateScan.small(Kind.CURRENT, visitor -> {
            java.util.Map<Long, byte[]> publicKeys = keys.all();
            organisations.findAll().forEach(organisation -> visitor.state(organisation.code(), LATEST,
                    AuditLog.stateHash(state(organisation, publicKeys.get(organisation.id())))));
        }));
    }
}
