package org.parley.access;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.registry.Organisation;
import org.parley.registry.OrganisationKind;
import org.parley.registry.RegistryService;
import org.springframework.stereotype.Component;

/**
 * What access control needs to know of organisations, asked of the registry's public service. Every request asks
 * whether the caller's organisation is an intermediary; an organisation is never changed nor removed once
 * registered, so its kind is remembered once read (an unknown code is asked again: another instance may have
 * registered it since).
 */
@Component
class OrganisationKinds {

    private final RegistryService registry;
    private final Map<String, OrganisationKind> known = new ConcurrentHashMap<>();

    OrganisationKinds(RegistryService registry) {
        this.registry = registry;
    }

    boolean exists(String code) {
        return kind(code).isPresent();
    }

    boolean isIntermediary(String code) {
        return kind(code).orElse(null) == OrganisationKind.INTERMEDIARY;
    }

    private Optional<OrganisationKind> kind(String code) {
        OrganisationKind kind = known.get(code);
        if (kind == null) {
            kind = registry.organisation(code).map(Organisation::kind).orElse(null);
            if (kind != null) {
                known.put(code, kind);
            }
        }
        return Optional.ofNullable(kind);
    }
}
