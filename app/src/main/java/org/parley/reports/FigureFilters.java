package org.parley.reports;

import java.util.List;
import java.util.Map;
import org.parley.api.JsonInput;
import org.parley.registry.NameCollation;
import org.parley.registry.PersonFilter;
import org.parley.registry.PersonListParameters;
import org.parley.registry.RegistryService;
import org.springframework.stereotype.Component;

/**
 * The filters a figure takes: those of {@code GET /api/v1/persons}, read by the registry's own reader
 * ({@link PersonListParameters}), less the name search, which the list ranks in Java and a figure does not.
 */
@Component
class FigureFilters {

    private final RegistryService registry;

    FigureFilters(RegistryService registry) {
        this.registry = registry;
    }

    /**
     * Reads the filters; {@code extra} are the other parameters the caller reads itself. Problems go into
     * {@code in}.
     */
    PersonFilter read(Map<String, String> parameters, List<String> extra, JsonInput in) {
        PersonFilter filter = PersonListParameters.read(parameters, registry.listColumns(), NameCollation.ROOT, extra,
                in).filter();
        if (filter.q() != null) {
            in.error("q", "a name search is not a figure's filter: use the person list");
        }
        if (parameters.containsKey("sort")) {
            in.error("sort", "a figure has no order");
        }
        for (String party : new String[] {filter.holdingParty(), filter.powerOfOrigin()}) {
            if (party != null && registry.organisation(party).isEmpty()) {
                in.error(party.equals(filter.holdingParty()) ? "holdingParty" : "powerOfOrigin",
                        "'" + party + "' is not an organisation");
            }
        }
        return filter;
    }
}
