package org.parley.access;

import org.parley.registry.Organisation;
import org.parley.registry.OrganisationKind;
import org.parley.registry.RegistryService;
import org.springframework.stereotype.Component;

/** What access control needs to know of organisations, asked of the registry's public service. */
@Component
class OrganisationKinds {

    private final RegistryService registry;

    OrganisationKinds(RegistryService registry) {
        this.registry = registry;
    }

    boolean exists(String code) {
        return registry.organisation(code).isPresent();
    }

    boolean isIntermediary(String code) {
        return registry.organisation(code).map(Organisation::kind).orElse(null) == OrganisationKind.INTERMEDIARY;
    }
}
